/** Command side: aggregates and the command API. */
package dev.eventplatform.command;
