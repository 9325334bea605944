/**
 * What the cancellation tests signal a run in the middle of: a deploy command that logs each call
 * and, for the version and percent it is told (HANG_AT), records its process group and hangs; and a
 * command check that does the same for the version HANG_CHECK_FOR. Neither ever sees the signal:
 * they lead process groups of their own, so only shipguard can end them.
 */
import { readdirSync, readFileSync } from "node:fs";

/**
 * Logs `kind version percent` to $SITE/deploys.log; hangs at "$HANG_AT" ("2.0.0 50"), recording its
 * process group in $SITE/hanging.pgid. At "$FAIL_AT" it fails (exit 7); at "$SLOW_AT" it takes 60 s
 * (its group in $SITE/slow.pgid).
 */
export const HANGING_DEPLOY_SCRIPT = `set -eu
percent="\${SHIPGUARD_TRAFFIC_PERCENT-unset}"
printf '%s %s %s\\n' "$SHIPGUARD_KIND" "$SHIPGUARD_VERSION" "$percent" >> "$SITE/deploys.log"
if [ "$SHIPGUARD_VERSION $percent" = "\${FAIL_AT-none}" ]; then
  echo "the load balancer refused the change" >&2
  exit 7
fi
if [ "$SHIPGUARD_VERSION $percent" = "\${SLOW_AT-none}" ]; then
  read -r _ _ _ _ pgid _ < /proc/$$/stat
  echo "$pgid" > "$SITE/slow.pgid"
  sleep 60
fi
if [ "$SHIPGUARD_VERSION $percent" = "\${HANG_AT-none}" ]; then
  read -r _ _ _ _ pgid _ < /proc/$$/stat
  echo "$pgid" > "$SITE/hanging.pgid"
  sleep 60
fi
`;

/** One command check, which hangs for the version $HANG_CHECK_FOR. */
export const HANGING_CHECKS = `settings: { deadline-ms: 60000, retry-interval-ms: 100 }
checks:
  - name: slow check
    timeout-ms: 60000
    command: |
      if [ "$SHIPGUARD_VERSION" = "\${HANG_CHECK_FOR-none}" ]; then
        read -r _ _ _ _ pgid _ < /proc/$$/stat; echo "$pgid" > "$SITE/hanging.pgid"; sleep 60
      fi
`;

/** A process of the group runs (zombies do not count: the sandbox's init may never reap them). */
export function groupAlive(pgid: number): boolean {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .some((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(pgrp) === pgid && state !== "Z";
      } catch {
        return false;
      }
    });
}
