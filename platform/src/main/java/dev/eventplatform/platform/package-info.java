/** The assembly that runs all sides together. */
package dev.eventplatform.platform;
