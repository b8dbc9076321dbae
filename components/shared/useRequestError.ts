// Requests the popup makes of the background on the person's behalf (write a prompt, use the
// selection, retry, save an edit): a failure is kept so the popup can show it from the error
// table, with Retry running the same request again. Nothing is swallowed.
import { useState } from 'preact/hooks';
import { errorRow, type JobError, unknownError } from '../../utils/errors';

export interface RequestError {
  error: JobError;
  /** Runs the failed request again (absent when trying again cannot help). */
  retry?: () => void;
}

export interface RequestErrors {
  /** The last failure, until a request succeeds or it is cleared. */
  failure: RequestError | null;
  /** Runs a request: its failure is kept, its success clears the last failure. */
  run: (request: () => Promise<unknown>) => Promise<void>;
  /** A failure decided here, before anything is sent. */
  fail: (error: JobError) => void;
  clear: () => void;
}

/** The row of the error table a failed request maps to. */
export function requestError(failure: unknown): JobError {
  return errorRow(failure, unknownError);
}

export function useRequestErrors(): RequestErrors {
  const [failure, setFailure] = useState<RequestError | null>(null);
  const run = async (request: () => Promise<unknown>): Promise<void> => {
    try {
      await request();
      setFailure(null);
    } catch (caught) {
      setFailure({ error: requestError(caught), retry: () => void run(request) });
    }
  };
  return { failure, run, fail: (error) => setFailure({ error }), clear: () => setFailure(null) };
}
