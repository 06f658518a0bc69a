/**
 * Dispositions out: the {@link dev.aragent.agent.spi.CrmSink} adapters the CRM outbox delivers to — HubSpot's CRM v3
 * API ({@link dev.aragent.crm.HubSpotCrmSink}: notes, tasks and contact properties on the company) and a webhook signed
 * like Stripe's ({@link dev.aragent.crm.WebhookCrmSink}) — with their shared HTTP handling ({@link
 * dev.aragent.crm.CrmHttp}: a 409 sorted by status, 429 and 5xx retried later, 4xx refused).
 */
@NullMarked
package dev.aragent.crm;

import org.jspecify.annotations.NullMarked;
