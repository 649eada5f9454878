//! The one place where the web door talks to the conversation core.
//!
//! Every page that needs an answer comes through [`converse`]: a visitor's
//! pseudonym, the page's language and what they did go in as an event, the
//! messages of the core's effects come out, and a contact card as the
//! message's `contact` (a web page offers it as a vCard download).

use crate::assistant::{Actor, Assistant, Channel, Effect, Event, Input, Message, Role, UserKey};
use crate::lang::Lang;

/// Asks the core and returns the messages its effects send or edit. The
/// page's language is what a Telegram client would report as its own. A
/// web visitor is never an admin here: `/admin` has its own token.
pub(super) async fn converse(assistant: &Assistant, user: UserKey, lang: Lang, input: Input) -> Vec<Message> {
    let event = Event {
        actor: Actor { user, role: Role::User },
        channel: Channel::Web,
        client_lang: Some(lang),
        input,
    };
    let mut messages: Vec<Message> = Vec::new();
    for effect in assistant.handle(event).await {
        match effect {
            Effect::Send(message) | Effect::Edit(message) => messages.push(message),
            // The core sends the card after the message that offered it.
            Effect::Contact(card) => match messages.last_mut() {
                Some(message) => message.contact = Some(card),
                None => messages.push(Message {
                    contact: Some(card),
                    ..Message::default()
                }),
            },
            // No handover on the web yet: the core offers none there.
            Effect::Inline(_) | Effect::NotifyAdmin { .. } | Effect::NotifyStaff(_) | Effect::Case(_) => {}
        }
    }
    messages
}
