// Loaded first (`node --import`) by the npm scripts that run a .ts file, on whatever Node npm found: plain JS, so
// that an old Node can run it. The project brings its own Node 24 as the `node` dependency, whose install script
// sets it up; `npm ci --ignore-scripts` skips that, the machine's Node then runs instead and dies on the first .ts
// file with a stack. This says, in one line, what to run.
if (!process.features.typescript) {
  process.stderr.write(
    `Node ${process.version} cannot run this project's .ts files: the project's own Node 24 is not set up ` +
      '(an install with --ignore-scripts skips it). Run `npm rebuild`, then this command again.\n',
  );
  process.exit(1);
}
