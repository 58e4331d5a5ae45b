// Work that must wait for the call's transaction to end: an uploaded image is put in place only once the row that
// points at it has committed, and removed if that row rolled back.
type Hook = () => Promise<void>;

export class TransactionHooks {
  readonly #onCommit: Hook[] = [];
  readonly #onRollback: Hook[] = [];

  onCommit(hook: Hook): void {
    this.#onCommit.push(hook);
  }

  onRollback(hook: Hook): void {
    this.#onRollback.push(hook);
  }

  /** Runs the hooks for how the transaction ended, in the order they were added; every one runs, the first failure is thrown. */
  async settle(committed: boolean): Promise<void> {
    const hooks = committed ? this.#onCommit : this.#onRollback;
    const outcomes = [];
    for (const hook of hooks)
      outcomes.push(
        await hook().then(
          () => null,
          (error: unknown) => ({ error }),
        ),
      );
    const failed = outcomes.find((outcome) => outcome !== null);
    if (failed) throw failed.error;
  }
}
