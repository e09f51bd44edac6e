// The shape shared by the security rules: an operation's required schemes at both ends, and the
// artifacts an authentication change touches.
import type { OperationModel, SecuritySchemeModel } from "../model.ts";
import { bearerCredentialName, fieldEnvVar } from "../names.ts";
import { artifactsOf, whereOf } from "./affects.ts";
import type { Level, Report, Rule } from "./types.ts";

/** What goes on the wire for a scheme: a rename alone changes nothing for a caller. */
export const wireOf = (s: SecuritySchemeModel): string =>
  [s.type, s.scheme, s.in, s.parameterName, s.bearerFormat, s.tokenType].join("|");

/** What an authentication change touches: the variables of the credentials at both ends. */
export const securityAffects = (
  base: OperationModel,
  head: OperationModel,
  mock: string,
): string[] => {
  const a = artifactsOf(head);
  const variables = new Set(
    [...base.security, ...head.security].map((s) => fieldEnvVar(bearerCredentialName(s))),
  );
  return [
    a.bearerOption,
    ...[...variables].map((variable) => `${a.command}: ${variable}`),
    `${a.postman} (auth)`,
    a.mock(mock),
  ];
};

/** A rule over each scheme an operation requires at both ends (by scheme name). */
export function schemeRule(options: {
  id: string;
  summary: string;
  level?: Level;
  /** The changed aspect's value, e.g. the scheme's type. */
  aspect: (scheme: SecuritySchemeModel) => string | undefined;
  label: string;
  /** Report even when the scheme's type changed too (only the type rule does: other aspects of a
   * scheme of another type are that one change, said once). */
  acrossTypes?: boolean;
}): Rule {
  return {
    id: options.id,
    level: options.level ?? "breaking",
    summary: options.summary,
    check: ({ pairs }) =>
      pairs.flatMap(({ base, head }) =>
        head.security.flatMap((after): Report[] => {
          const before = base.security.find((s) => s.name === after.name);
          if (!before) return [];
          if (before.type !== after.type && !options.acrossTypes) return [];
          const [was, now] = [options.aspect(before), options.aspect(after)];
          if (was === now) return [];
          return [
            {
              operationId: head.operationId,
              where: `${whereOf(head)} security ${after.name}`,
              message: `${after.name}'s ${options.label} changed from ${was ?? "unset"} to ${now ?? "unset"}: credentials sent as before are refused (401).`,
              affects: securityAffects(base, head, `answers 401 to credentials sent the old way`),
            },
          ];
        }),
      ),
  };
}
