// A small fake Telegram Bot API on 127.0.0.1 for the browser test of the
// web door's handover: enough of Bot API 9.x for `lotse serve` with a
// staff forum (getMe, deleteWebhook, setMyCommands, getChatMember,
// getUpdates as long polling, createForumTopic, sendMessage into a topic,
// closeForumTopic, deleteForumTopic), answering with the JSON Telegram
// sends. The Rust test suite's fake (tests/it/fake_telegram.rs) is the
// faithful one; this one lets the browser test stand on its own in Node.

import { createServer } from 'node:http';

const BOT_ID = 123456;
const botUser = { id: BOT_ID, is_bot: true, first_name: 'Lotse', username: 'LotseTestBot' };

/** Starts the fake; resolves to its handle once it listens. */
export function startFakeBotApi({ staffChat, members }) {
  const staff = { id: staffChat, type: 'supergroup', title: 'Lotse Beratung', is_forum: true };
  const updates = [];
  const waiting = [];
  const topics = new Map();
  let nextUpdate = 1;
  let nextMessage = 1000;

  function message(chat, fields) {
    return { message_id: nextMessage++, date: Math.floor(Date.now() / 1000), chat, ...fields };
  }

  function deliver() {
    while (waiting.length > 0) waiting.shift()();
  }

  const methods = {
    getme: () => ({
      ...botUser,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
    }),
    deletewebhook: () => true,
    setmycommands: () => true,
    getchatmember: (p) => {
      if (p.user_id === BOT_ID) {
        return {
          user: botUser, status: 'administrator', can_be_edited: false, is_anonymous: false,
          can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: false,
          can_restrict_members: false, can_promote_members: false, can_change_info: false,
          can_invite_users: true, can_pin_messages: true, can_manage_topics: true,
          can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
        };
      }
      const status = members.includes(p.user_id) ? 'member' : 'left';
      return { user: { id: p.user_id, is_bot: false, first_name: 'Staff' }, status };
    },
    getupdates: async (p) => {
      const offset = p.offset || 0;
      const fresh = () => updates.filter((u) => u.update_id >= offset);
      if (fresh().length === 0) {
        // Long polling, but never longer than a second here.
        await new Promise((done) => {
          waiting.push(done);
          setTimeout(done, 1000);
        });
      }
      return fresh();
    },
    createforumtopic: (p) => {
      const thread = nextMessage++;
      const topic = { message_thread_id: thread, name: p.name, icon_color: p.icon_color || 7322096 };
      topics.set(thread, { ...topic, texts: [], closed: false });
      return topic;
    },
    sendmessage: (p) => {
      const topic = topics.get(p.message_thread_id);
      if (p.message_thread_id && !topic) throw new Error('Bad Request: message thread not found');
      if (topic) topic.texts.push(p.text);
      const thread = p.message_thread_id ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {};
      const chat = p.chat_id === staffChat ? staff : { id: p.chat_id, type: 'private', first_name: 'User' };
      return message(chat, { from: botUser, text: p.text, ...thread });
    },
    closeforumtopic: (p) => {
      const topic = topics.get(p.message_thread_id);
      if (topic) topic.closed = true;
      return true;
    },
    deleteforumtopic: (p) => topics.delete(p.message_thread_id),
  };

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', async () => {
      const method = request.url.split('/').pop().toLowerCase();
      let params = {};
      try {
        params = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        params = {};
      }
      let body;
      try {
        const handler = methods[method];
        if (!handler) throw new Error(`Bad Request: method ${method} is not faked`);
        body = { ok: true, result: await handler(params) };
      } catch (error) {
        body = { ok: false, error_code: 400, description: error.message };
      }
      response.writeHead(body.ok ? 200 : 400, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });

  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        url: `http://127.0.0.1:${port}`,
        topics,
        /** A staff member's text in a topic, as an update. */
        staffSays(thread, from, text) {
          const sent = message(staff, {
            from: { id: from, is_bot: false, first_name: 'Beraterin', language_code: 'de' },
            message_thread_id: thread,
            is_topic_message: true,
            text,
          });
          updates.push({ update_id: nextUpdate++, message: sent });
          deliver();
        },
        close() {
          deliver();
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}
