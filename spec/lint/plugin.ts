// Our Redocly plugin, registered in redocly.yaml (`plugins:`): one rule per file under rules/, each
// with its own test in spec/test/.
import NoRunnableHtml from "./rules/no-runnable-html.ts";

export default function klearstackPlugin() {
  return {
    id: "klearstack",
    rules: {
      oas3: {
        "no-runnable-html": NoRunnableHtml,
      },
    },
  };
}
