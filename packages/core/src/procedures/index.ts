export { findProcedureType, procedureTypes, type ProcedureStepType, type ProcedureType } from './procedure-types.ts';
export { procedureStageLabels } from './procedure-stages.ts';
export { escapeIcalText, foldIcalLine, renderIcalCalendar, type CalendarEvent } from './ical-calendar.ts';
export * from './procedure.schemas.ts';
export { filingStageOf, FILING_UNDO_MINUTES } from './filing-steps.ts';
