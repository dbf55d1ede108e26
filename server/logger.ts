import pino from 'pino';

// Pretty, human lines in development; JSON lines (for collectors) in production.
const env = process.env.NODE_ENV ?? 'development';
const level = process.env.LOG_LEVEL ?? (env === 'test' ? 'warn' : 'info');

export const logger = pino({
  level,
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'headers.authorization'],
    censor: '[redacted]',
  },
  ...(env === 'development'
    ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } }
    : {}),
});
