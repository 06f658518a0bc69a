/**
 * Loopback fakes of the services ar-agent talks to — Twilio's REST API and its signed webhooks (SMS and calls), Slack's
 * Web API and a Slack user who clicks and types, HubSpot's CRM API, a customer's signed-webhook receiver, a
 * ConversationRelay caller — each speaking the vendor's wire format on 127.0.0.1, written from the vendors'
 * documentation and independent of the adapters they test; and {@link dev.aragent.loopback.DemoClock}, a clock moved
 * by hand. The tests and the demo drive the real vendor SDKs against them. No ar-agent module is a dependency.
 */
@NullMarked
package dev.aragent.loopback;

import org.jspecify.annotations.NullMarked;
