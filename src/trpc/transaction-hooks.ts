// Work that must wait for the call's transaction to end, and happen only if it committed: a live event announced
// once its change is in the database, a cache emptied once the change it held an old copy of is visible.
type Hook = () => Promise<void>;

export class TransactionHooks {
  readonly #onCommit: Hook[] = [];

  onCommit(hook: Hook): void {
    this.#onCommit.push(hook);
  }

  /**
   * Runs the commit hooks, in the order they were added, if the transaction `committed`; nothing if it rolled back.
   * Every one runs, and the first failure is thrown.
   */
  async settle(committed: boolean): Promise<void> {
    if (!committed) return;
    const outcomes = [];
    for (const hook of this.#onCommit)
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
