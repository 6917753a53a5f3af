/** REST API of the order commands. */
package dev.eventplatform.command.order.web;
