/** REST reads of the orders read model. */
package dev.eventplatform.query.order.web;
