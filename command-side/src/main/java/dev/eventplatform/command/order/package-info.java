/** The order aggregate, its commands and its rules. */
package dev.eventplatform.command.order;
