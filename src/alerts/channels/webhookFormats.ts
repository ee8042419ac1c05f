import type { WebhookFormat } from '../../targets/recipients.js';
import type { HumanMessage } from '../message.js';
import type { Notification } from '../notification.js';

/** The pipeline's own JSON: the human line and the structured facts, for programs. */
function json(n: Notification): unknown {
  return {
    id: n.id,
    kind: n.kind,
    event: n.event,
    state: n.state,
    as_of: n.as_of,
    text: n.text,
    link: n.link,
    evaluation: n.evaluation,
  };
}

/** Slack incoming webhook: `text` is the notification fallback, `blocks` what the channel shows. */
function slack(m: HumanMessage): unknown {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150), emoji: false } },
    { type: 'section', text: { type: 'plain_text', text: m.text.slice(0, 3000), emoji: false } },
    {
      type: 'section',
      fields: m.facts.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: `*${f.label}*\n${f.value}` })),
    },
  ];
  if (m.link)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: m.linkLabel }, url: m.link }],
    });
  return { text: m.text, blocks };
}

/** Microsoft Teams (Workflows "post to a channel when a webhook request is received"): an Adaptive Card. */
function teams(m: HumanMessage): unknown {
  const content = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: m.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: m.text, wrap: true },
      { type: 'FactSet', facts: m.facts.map((f) => ({ title: f.label, value: f.value })) },
    ],
    actions: m.link ? [{ type: 'Action.OpenUrl', title: m.linkLabel, url: m.link }] : [],
  };
  return {
    type: 'message',
    summary: m.title,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
  };
}

/** Google Chat incoming webhook: `text` plus one `cardsV2` card with the facts and a link button. */
function googleChat(n: Notification, m: HumanMessage): unknown {
  const widgets: unknown[] = m.facts.map((f) => ({ decoratedText: { topLabel: f.label, text: f.value } }));
  if (m.link)
    widgets.push({
      buttonList: { buttons: [{ text: m.linkLabel, onClick: { openLink: { url: m.link } } }] },
    });
  return {
    text: m.text,
    cardsV2: [{ cardId: `dte-${n.id}`, card: { header: { title: m.title }, sections: [{ widgets }] } }],
  };
}

/** The body a webhook of `format` receives for one notification. */
export function webhookBody(format: WebhookFormat, n: Notification, m: HumanMessage): string {
  switch (format) {
    case 'json':
      return JSON.stringify(json(n));
    case 'slack':
      return JSON.stringify(slack(m));
    case 'teams':
      return JSON.stringify(teams(m));
    case 'google_chat':
      return JSON.stringify(googleChat(n, m));
  }
}
