// Which steps are filings (something the lawyer files with an authority and gets a receipt for),
// and the stage recording one moves the procedure to. Kept beside the versioned procedure types,
// not inside them: this is how the app records a filing, not what the law says, so changing it
// must not make a new version of a procedure type.

const filingStages: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'mx.comar.refugee_status': { application: 'filed', late_application: 'filed' },
  'mx.revision': { filing: 'filed' },
  'mx.amparo': { filing: 'filed', any_time: 'filed' },
  'mx.tfja.nulidad': { filing: 'filed' },
  'us.asylum.affirmative': { one_year: 'filed' },
  'us.asylum.defensive': { bia_appeal: 'appeal' },
  'us.tps': { reregistration: 'filed' },
  'us.daca': { renewal_window: 'filed' },
};

/** The stage a filing on this step leads to, or undefined when the step is not a filing. */
export function filingStageOf(type: string, stepKey: string): string | undefined {
  return filingStages[type]?.[stepKey];
}

/** How long after recording a filing it can still be undone (a mistaken click, the wrong file). */
export const FILING_UNDO_MINUTES = 15;
