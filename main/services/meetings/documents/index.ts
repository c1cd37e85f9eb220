/** The printed documents of 三会一课: minutes, sign-in sheet, notice, talk record. Builders: data in, PrintDocument out. */
export { buildMinutesDocument, absenteeLine, minutesTitle, voteLine, type MinutesInput, type MinutesResolution, type MinutesVote } from './minutes';
export { buildSignInDocument, signInRows, SIGN_ROW_HEIGHT, type SignInInput, type SignInMember } from './signIn';
export { buildNoticeDocument, DEFAULT_REQUIREMENTS, noticeTitle, type NoticeInput } from './notice';
export { buildTalkDocument, talkTitle, type TalkInput } from './talk';
export { attachmentBlocks, imageSize, type AttachmentInput } from './attachments';
