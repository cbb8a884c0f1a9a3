import type { kioskContract } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import {
  captionSources,
  hearSpeech,
  reportCaptionTrouble,
  sendCaption,
} from '../use-cases/captions.js';
import { chatHistory, chatTyping, readChat, sendChat } from '../use-cases/chat.js';
import type { CommandHandlers } from './handler.js';
import type { NamespaceDeps } from './namespaces.js';

/** The commands of a conversation: chat and captions, the same on both sides of a call. */
type ConversationCommands = Pick<
  typeof kioskContract.commands,
  | 'chat:send'
  | 'chat:history'
  | 'chat:read'
  | 'chat:typing'
  | 'caption:send'
  | 'caption:sources'
  | 'caption:trouble'
  | 'caption:audio'
>;

/** The handlers of a conversation's commands, for the kiosk's and the officer's namespaces. */
export function conversationHandlers(
  ctx: ServiceContext,
  { chat, captions }: Pick<NamespaceDeps, 'chat' | 'captions'>,
): CommandHandlers<ConversationCommands> {
  return {
    'chat:send': (input, { actor }) => sendChat(ctx, chat, actor, input),
    'chat:history': (input, { actor }) => chatHistory(ctx, actor, input),
    'chat:read': (input, { actor }) => readChat(ctx, actor, input),
    'chat:typing': (input, { actor }) => chatTyping(ctx, actor, input),
    'caption:send': (input, { actor }) => sendCaption(ctx, captions, actor, input),
    'caption:sources': (input, { actor }) => captionSources(ctx, captions, actor, input),
    'caption:trouble': (input, { actor }) => reportCaptionTrouble(ctx, actor, input),
    'caption:audio': (input, { actor }) => hearSpeech(ctx, captions, actor, input),
  };
}
