// The inquiries module: the only file other modules import.
export {
  askQuestion,
  askStatus,
  getThread,
  INQUIRY_LIMITS,
  replyInThread,
  type AskState,
  type ThreadDto,
} from './service.ts';
export { listThreads, threadsAwaitingReply, type ThreadSummary } from './thread-index.ts';
export { inquiryMessageInput, MESSAGE_MAX_LENGTH, THREAD_ID, type InquiryMessageInput } from './schemas.ts';
export { InquiryThread, InquiryThreadIndex, MAX_MESSAGES_PER_THREAD } from './model.ts';
