/** `shipguard demo` on the terminal: the story as it happens, then the timeline; or one --json object. */
import type { Terminal } from "../hosts/terminal.ts";
import { printable } from "../presenters/markdown.ts";
import { collectingNarrator, demoIntro, demoJson, demoText, textNarrator } from "./present.ts";
import { runDemo } from "./run-demo.ts";

export async function runDemoCli(
  options: { keep: boolean; json: boolean; verbose: boolean },
  env: NodeJS.ProcessEnv,
  terminal: Terminal,
): Promise<number> {
  const write = (text: string) => terminal.stdout(text);
  const collected = collectingNarrator();
  if (!options.json) write(demoIntro());
  const result = await runDemo({
    keep: options.keep,
    node: process.execPath,
    env,
    narrator: options.json ? collected : textNarrator(write, options.verbose),
  });
  if (options.json) write(`${JSON.stringify(demoJson(result, collected.lines), null, 2)}\n`);
  else write(demoText(result));
  if (!result.ok) terminal.stderr(`shipguard: ${printable(result.message)}\n`);
  return result.ok ? 0 : 1;
}
