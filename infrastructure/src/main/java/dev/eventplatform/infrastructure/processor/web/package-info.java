/** The operators' processor API. */
package dev.eventplatform.infrastructure.processor.web;
