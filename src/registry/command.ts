/**
 * What a command is to the hosts: a descriptor that reads its settings (from the one OPTIONS
 * schema), wires its ports through the composition root, runs, and presents its result in every
 * form a host may publish. `register` hides the settings and result types behind one shape.
 */
import { type RawSource, readLocated } from "../settings.ts";
import { type Announcement, announce } from "./announce.ts";
import type { CompositionRoot } from "./compose.ts";
import type { Presentation } from "./presentation.ts";

export type { Presentation } from "./presentation.ts";

export interface CommandDescriptor<S, R> {
  read(source: RawSource): S;
  run(settings: S, root: CompositionRoot): Promise<R>;
  present(result: R, settings: S, root: CompositionRoot): Presentation;
  /** What the result tells people (webhooks, the incident), when the command tells anyone. */
  announce?(result: R, settings: S, root: CompositionRoot): Announcement;
}

export interface RegisteredCommand {
  execute(source: RawSource, root: CompositionRoot): Promise<Presentation>;
}

export function register<S, R>(
  descriptor: CommandDescriptor<S, R>,
): RegisteredCommand & CommandDescriptor<S, R> {
  return {
    ...descriptor,
    async execute(source, root) {
      const settings = readLocated(descriptor.read, source);
      const result = await descriptor.run(settings, root);
      const shown = descriptor.present(result, settings, root);
      if (descriptor.announce === undefined) return shown;
      return announce(descriptor.announce(result, settings, root), shown, root);
    },
  };
}
