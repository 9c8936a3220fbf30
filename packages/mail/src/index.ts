export * from './mailer';
export * from './resend-mailer';
export * from './dev-mailbox';
export * from './templates/index';
export * from './create-mailer';
