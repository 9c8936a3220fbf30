// programs.*: one router, in a file per concern.
import { createTRPCRouter } from '../../trpc';
import { authoringProcedures } from './authoring';
import { catalogProcedures } from './catalog';
import { curriculumProcedures } from './curriculum';
import { learningProcedures } from './learning';
import { reviewsProcedures } from './reviews';

export const programsRouter = createTRPCRouter({
  ...catalogProcedures,
  ...authoringProcedures,
  ...curriculumProcedures,
  ...learningProcedures,
  ...reviewsProcedures,
});
