// GET /api/admin/reports/{kind}.csv (admins): a report as a CSV download, streamed — rows are
// read from the database in batches as the client takes them (core's reportCsv), never all at
// once. A plain route: both router faces answer JSON. Same range as the analytics (?from&to).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { errorAnswer } from '@learningpt/api';
import { reportCsv, reportFileName, resolveRange, type AnalyticsRange, type Clock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { REPORT_KINDS, ZAnalyticsRangeInput, ZReportKind } from '@learningpt/schema';
import { sendError, sendErrorAnswer } from '../errors';

export const REPORTS_PATH = '/api/admin/reports/:file';

export async function registerReports(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  app.get(REPORTS_PATH, { schema: { hide: true } }, async (req, reply) => {
    const session = req.authSession;
    if (!session) return sendError(reply, 401, 'UNAUTHORIZED', 'Please sign in to continue.');
    if (session.user.role !== 'admin')
      return sendError(reply, 403, 'FORBIDDEN', 'You do not have permission to do this.');
    const file = (req.params as { file: string }).file;
    const kind = ZReportKind.safeParse(file.endsWith('.csv') ? file.slice(0, -4) : '');
    if (!kind.success) {
      return sendError(
        reply,
        404,
        'NOT_FOUND',
        `No such report: use one of ${REPORT_KINDS.map((k) => `${k}.csv`).join(', ')}`,
      );
    }
    let range: AnalyticsRange;
    try {
      range = resolveRange(clock, ZAnalyticsRangeInput.parse(req.query ?? {}));
    } catch (err) {
      const answer = errorAnswer(err);
      if (answer.unexpected) throw err;
      return sendErrorAnswer(reply, answer);
    }
    const name = reportFileName(kind.data, range);
    let batches = 0;
    const body = Readable.from(
      reportCsv({ db }, { kind: kind.data, range, onBatch: () => void batches++ }),
      // Bytes, not objects: back-pressure by size, so at most a batch or so waits in memory.
      { objectMode: false, highWaterMark: 64 * 1024 },
    );
    body.on('error', (err) => req.log.error({ err, kind: kind.data }, 'report stream failed'));
    body.on('end', () => req.log.info({ kind: kind.data, batches }, 'report sent'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
