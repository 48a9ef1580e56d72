// The demo app's chat panel, reactions bar and screen-effects layer, on room.chat (onair.js, docs/messaging.md).
// Every effect, ours included, is drawn when its message comes back from the server, so all tabs animate the same
// messages; replayed ones (history after a join or resume) are listed but not animated.

/** The reactions bar: a reaction name, its emoji and its spoken label. `confetti` is sent as an effect. */
export const REACTIONS = [
  { name: 'heart', emoji: '❤️', label: 'Heart' },
  { name: 'clap', emoji: '👏', label: 'Applause' },
  { name: 'tada', emoji: '🎉', label: 'Celebrate' },
  { name: 'laugh', emoji: '😂', label: 'Laugh' },
];
const EMOJI = Object.fromEntries(REACTIONS.map((r) => [r.name, r.emoji]));
const EFFECT_MILLIS = 2_000;
const CONFETTI_PIECES = 28;
const CONFETTI_COLOURS = ['#ff4d5a', '#f5b342', '#35c47c', '#4cc3ff', '#b06bff', '#ffffff'];
const MAX_LISTED = 200;
const TYPING_IDLE_MILLIS = 3_000;

/**
 * The `perms` claim of an access token (a JWT), read without verifying it: only to decide which controls to show
 * (the server checks every command). [] when the token cannot be read.
 */
export function tokenPermissions(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const perms = JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))).perms;
    return Array.isArray(perms) ? perms.filter((p) => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** A deterministic fraction in [0, 1) from a message's sequence (and a piece index): every tab places it alike. */
function spread(seq, i = 0) {
  const x = Math.sin(seq * 12.9898 + i * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** Draws reactions and effects over the video grid: CSS animations, each element removed after ~2 s. */
export class EffectsLayer {
  constructor(stage) {
    this.el = document.createElement('div');
    this.el.id = 'effects-layer';
    this.el.className = 'effects-layer';
    this.el.setAttribute('aria-hidden', 'true');
    stage.append(this.el);
  }

  /** One effect message (`kind` reaction or effect). */
  play(m) {
    if (m.name === 'confetti') return this.#confetti(m);
    const el = document.createElement('span');
    el.className = 'effect effect-float';
    el.dataset.effect = m.name;
    el.dataset.seq = String(m.seq);
    el.textContent = EMOJI[m.name] ?? '✨';
    const x = typeof m.params?.x === 'number' ? m.params.x : 0.1 + 0.8 * spread(m.seq);
    el.style.left = `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`;
    el.style.setProperty('--drift', `${Math.round((spread(m.seq, 1) - 0.5) * 80)}px`);
    return this.#add(el);
  }

  clear() {
    this.el.replaceChildren();
  }

  #confetti(m) {
    const burst = document.createElement('div');
    burst.className = 'effect effect-confetti';
    burst.dataset.effect = 'confetti';
    burst.dataset.seq = String(m.seq);
    for (let i = 0; i < CONFETTI_PIECES; i += 1) {
      const piece = document.createElement('i');
      piece.style.left = `${Math.round(spread(m.seq, i) * 100)}%`;
      piece.style.background = CONFETTI_COLOURS[i % CONFETTI_COLOURS.length];
      piece.style.animationDelay = `${Math.round(spread(m.seq, i + 100) * 300)}ms`;
      piece.style.setProperty('--spin', `${Math.round(spread(m.seq, i + 200) * 720 - 360)}deg`);
      burst.append(piece);
    }
    return this.#add(burst);
  }

  #add(el) {
    this.el.append(el);
    const remove = () => el.remove();
    el.addEventListener('animationend', (e) => { if (e.target === el) remove(); });
    setTimeout(remove, EFFECT_MILLIS + 500); // also when animations are off (prefers-reduced-motion)
    return el;
  }
}

/**
 * The chat panel: messages with sender names, an input, a typing line; and the reactions bar. For an admin
 * ({@link ChatPanel#setAdmin}) each message has a delete control; a deleted message stays as "message deleted" in
 * every tab (the server's tombstone).
 */
export class ChatPanel {
  room = null;
  #typing = new Map(); // identity -> { name, timer }
  #idleTimer = null;

  constructor() {
    this.panel = document.querySelector('#chat-panel');
    this.list = document.querySelector('#chat-messages');
    this.form = document.querySelector('#chat-form');
    this.input = document.querySelector('#chat-input');
    this.typingLine = document.querySelector('#chat-typing');
    this.effects = new EffectsLayer(document.querySelector('#stage'));
    this.#buildReactions(document.querySelector('#reactions'));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#send();
    });
    this.input.addEventListener('input', () => this.#typed());
    document.querySelector('#btn-chat').addEventListener('click', () => this.toggle());
  }

  /** Follows a room's chat (null: none). */
  attach(room) {
    this.room = room;
    this.list.replaceChildren();
    this.effects.clear();
    this.#typing.clear();
    this.#showTyping();
    if (!room) return;
    room.on('chat', (m) => this.#append(m));
    room.on('dm', (m) => this.#append(m));
    room.on('presence', (m) => this.#append(m));
    room.on('effect', (m) => { if (!m.replayed) this.effects.play(m); });
    room.on('messageDeleted', (seq) => this.#showDeleted(seq));
    room.on('chatResync', () => this.list.replaceChildren());
    room.on('typing', (from, typing) => this.#onTyping(from, typing));
    room.on('chatStateChanged', (state) => { this.panel.dataset.state = state; });
  }

  /** Shows (true) or hides the delete control of every message: for a token with `admin`. */
  setAdmin(admin) {
    this.panel.dataset.admin = String(!!admin);
  }

  toggle() {
    const open = this.panel.hidden;
    this.panel.hidden = !open;
    document.querySelector('#btn-chat').setAttribute('aria-expanded', String(open));
    if (open) this.input.focus();
  }

  #buildReactions(bar) {
    for (const r of [...REACTIONS, { name: 'confetti', emoji: '🎊', label: 'Confetti' }]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'reaction';
      button.dataset.reaction = r.name;
      button.textContent = r.emoji;
      button.title = r.label;
      button.setAttribute('aria-label', `Send ${r.label.toLowerCase()}`);
      button.addEventListener('click', () => this.#react(r.name));
      bar.append(button);
    }
  }

  async #react(name) {
    if (!this.room) return;
    try {
      if (name === 'confetti') await this.room.chat.sendEffect('confetti', {});
      else await this.room.chat.sendReaction(name, {});
    } catch (e) {
      this.#note(`Reaction not sent: ${e.message}`);
    }
  }

  async #send() {
    const text = this.input.value.trim();
    if (!text || !this.room) return;
    this.input.value = '';
    this.#stopTyping();
    try {
      await this.room.chat.send(text);
    } catch (e) {
      this.input.value = this.input.value || text;
      this.#note(e.code === 'forbidden' ? 'You may read this chat but not write in it.' : `Not sent: ${e.message}`);
    }
  }

  #typed() {
    if (!this.room) return;
    if (this.input.value.trim() === '') return this.#stopTyping();
    this.room.chat.setTyping(true);
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MILLIS);
    return undefined;
  }

  #stopTyping() {
    clearTimeout(this.#idleTimer);
    this.room?.chat.setTyping(false);
  }

  #onTyping(from, typing) {
    const old = this.#typing.get(from.identity);
    if (old) clearTimeout(old.timer);
    this.#typing.delete(from.identity);
    if (typing) {
      // a lost `idle` must not leave someone typing for ever
      const timer = setTimeout(() => { this.#typing.delete(from.identity); this.#showTyping(); }, TYPING_IDLE_MILLIS * 2);
      this.#typing.set(from.identity, { name: from.name || this.#name(from.identity), timer });
    }
    this.#showTyping();
  }

  #showTyping() {
    const names = [...this.#typing.values()].map((t) => t.name);
    this.typingLine.textContent = names.length === 0 ? ''
      : names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
  }

  #append(m) {
    const li = document.createElement('li');
    li.dataset.seq = String(m.seq);
    li.dataset.kind = m.kind;
    const mine = m.from?.identity === this.room?.localParticipant.identity;
    li.classList.toggle('mine', mine);
    const who = document.createElement('span');
    who.className = 'chat-from';
    who.textContent = mine ? 'You' : this.#name(m.from?.identity);
    if (m.kind === 'presence') {
      li.className = 'chat-system';
      li.append(who, ` ${m.state === 'left' ? 'left' : 'joined'}`);
    } else {
      const text = document.createElement('span');
      text.className = 'chat-text';
      text.textContent = m.text ?? '';
      if (m.kind === 'dm') who.textContent += mine ? ` → ${this.#name(m.to)} (private)` : ' (private)';
      li.append(who, text, this.#deleteButton(m.seq));
    }
    li.title = new Date(m.time).toLocaleTimeString();
    this.list.append(li);
    while (this.list.children.length > MAX_LISTED) this.list.firstElementChild.remove();
    li.scrollIntoView?.({ block: 'end' });
    if (this.#typing.has(m.from?.identity)) this.#onTyping(m.from, false); // their message ends their typing
  }

  #deleteButton(seq) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chat-delete';
    button.textContent = '✕';
    button.title = 'Delete for everyone';
    button.setAttribute('aria-label', 'Delete this message for everyone');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await this.room?.chat.deleteMessage(seq);
      } catch (e) {
        button.disabled = false;
        this.#note(`Not deleted: ${e.message}`);
      }
    });
    return button;
  }

  /** The tombstone: the line stays, its text replaced by "message deleted". */
  #showDeleted(seq) {
    const li = this.list.querySelector(`li[data-seq="${seq}"]`);
    if (!li) return;
    li.dataset.deleted = 'true';
    li.classList.add('chat-deleted');
    li.querySelector('.chat-delete')?.remove();
    const text = li.querySelector('.chat-text');
    if (text) text.textContent = 'message deleted';
  }

  #note(text) {
    const li = document.createElement('li');
    li.className = 'chat-system chat-note';
    li.textContent = text;
    this.list.append(li);
  }

  /** A display name: the participant's if we see them, else the identity without the demo's random suffix. */
  #name(identity) {
    if (!identity) return 'Someone';
    const room = this.room;
    if (room?.localParticipant.identity === identity) return room.localParticipant.name || identity;
    const p = room?.participants.get(identity);
    return p?.name || identity.replace(/-[0-9a-f]{8}$/, '');
  }
}
