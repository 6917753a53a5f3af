/** Web infrastructure shared by every side: problem+json errors. */
package dev.eventplatform.infrastructure.web;
