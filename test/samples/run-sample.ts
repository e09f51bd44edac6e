// Runs one code sample the way a reader would: the shell for curl, python3, java's source-file
// launcher against Debian's OkHttp jars, node for axios and for the TypeScript client, and Chromium for the XHR.
// Secrets reach a sample the way its comment tells the reader: as environment variables, or, in
// the browser sample, by filling its placeholders. A missing tool fails with how to install it;
// nothing is skipped. The browser samples of a test file share one browser context (a page each,
// from an origin of its own): its file closes it with `closeSampleBrowser` in afterAll.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { placeholderFor } from "@klearstack/docs";
import { type Browser, openBrowser } from "@klearstack/test-support/chromium";
import { runProcess } from "@klearstack/test-support/process";
import { startLocalServer } from "@klearstack/test-support/server";

export interface SampleRun {
  exitCode: number | null;
  /** What the sample printed (stdout, or the browser console for the XHR sample). */
  output: string;
  stderr: string;
}

/** The test workspace: node resolves the samples' imports (axios, @klearstack/client) from here. */
const testRoot = fileURLToPath(new URL("..", import.meta.url));
const javaClasspath = ["/usr/share/java/okhttp.jar", "/usr/share/java/okio.jar"];
/**
 * JVM options for a short run (javac and java): the client compiler only and the serial
 * collector, which spare about a third of a sample's CPU and change nothing it does.
 */
export const shortRunJvm = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

/** Environment variable → value: what the sample's secrets are set to. */
export type Secrets = Record<string, string>;

export const runners: Record<string, (source: string, secrets: Secrets) => Promise<SampleRun>> = {
  curl: (source, secrets) =>
    withSampleFiles(source, (cwd) => run("sh", ["-c", source], { cwd, secrets })),
  Python: (source, secrets) => run(python3(), ["-c", source], { secrets }),
  "Node.js": (source, secrets) =>
    run(process.execPath, ["--input-type=module", "-e", source], { cwd: testRoot, secrets }),
  TypeScript: (source, secrets) =>
    run(process.execPath, ["--input-type=module-typescript", "-e", source], {
      cwd: testRoot,
      secrets,
    }),
  Java: runJava,
  JavaScript: (source, secrets) => runInBrowser(withPlaceholdersFilled(source, secrets)),
};

/**
 * What a reader of a curl sample that uploads a file (`--form 'name=@file.txt'`) has: that file,
 * in the folder the command runs in (a scratch one, removed after).
 */
async function withSampleFiles(
  source: string,
  use: (cwd: string | undefined) => Promise<SampleRun>,
): Promise<SampleRun> {
  const files = [...source.matchAll(/--form '?[^=\s']+='?@([^;'\s]+)/g)].map((m) => m[1] ?? "");
  if (files.length === 0) return use(undefined);
  const dir = mkdtempSync(join(tmpdir(), "klearstack-curl-"));
  try {
    for (const file of files) writeFileSync(join(dir, file), "sample file\n");
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a reader of the browser sample does: put the values in place of its placeholders. */
function withPlaceholdersFilled(source: string, secrets: Secrets): string {
  let filled = source;
  for (const [variable, value] of Object.entries(secrets)) {
    const placeholder = placeholderFor(variable);
    if (!filled.includes(placeholder)) throw new Error(`the XHR sample has no ${placeholder}`);
    filled = filled.replaceAll(placeholder, value);
  }
  return filled;
}

let toolsChecked = false;
const pythonMissing = "python3 with requests (apt-get install python3-requests)";

/**
 * Fails with an install hint when a tool the samples need is missing. Found on PATH is enough: a
 * tool that is there but broken fails its sample with its own error. Starting `javac -version`
 * and `java -version` to ask cost about 0.35 s of CPU per sample file. Checked once per process.
 */
export function requireTools(): void {
  if (toolsChecked) return;
  const missing: string[] = [];
  if (!onPath("curl")) missing.push("curl (apt-get install curl)");
  if (!pythonWithRequests()) missing.push(pythonMissing);
  if (!onPath("javac") || !onPath("java")) {
    missing.push("a JDK (apt-get install openjdk-17-jdk-headless)");
  }
  for (const jar of javaClasspath) {
    if (!existsSync(jar)) missing.push(`${jar} (apt-get install libokhttp-java libokio-java)`);
  }
  if (missing.length) throw new Error(`The sample runs need: ${missing.join("; ")}`);
  toolsChecked = true;
}

/** Whether an executable file of that name is in a directory of PATH. */
function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The interpreter's own path (sys.executable) if `command` runs a python3 with requests. */
function interpreterWithRequests(command: string): string | undefined {
  const probe = spawnSync(command, ["-c", "import requests, sys; print(sys.executable)"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return (probe.status === 0 && probe.stdout.trim()) || undefined;
}

let python: { found: string | undefined } | undefined;

/**
 * The python3 on PATH if it has requests, else Debian's (where python3-requests installs it), as
 * the interpreter's own path. Looked up once: on PATH, python3 may be a version manager's shim
 * (pyenv's, a bash script, starts about 34 processes to pick the version: 0.31 s of CPU a call
 * here, against 0.06 s for the interpreter) that then runs this very interpreter; the samples run
 * it directly.
 */
function pythonWithRequests(): string | undefined {
  python ??= {
    found: interpreterWithRequests("python3") ?? interpreterWithRequests("/usr/bin/python3"),
  };
  return python.found;
}

/** The python3 the samples run (pythonWithRequests); without one, fails with how to install it. */
export function python3(): string {
  const found = pythonWithRequests();
  if (!found) throw new Error(`The sample runs need: ${pythonMissing}`);
  return found;
}

let browser: Promise<Browser> | undefined;

/** The browser context the browser samples run in, opened on first use. */
function sampleBrowser(): Promise<Browser> {
  browser ??= openBrowser();
  return browser;
}

/** Closes the context the samples ran in, if any; the next browser sample opens a new one. */
export async function closeSampleBrowser(): Promise<void> {
  const launched = browser;
  browser = undefined;
  await (await launched)?.close();
}

/**
 * Runs the Java sample as a reader of one file can: `java -cp <OkHttp jars> Sample.java` (the
 * source-file launcher, JDK 11+), which compiles it in memory and runs it in one JVM. A sample
 * that does not compile exits 1 with javac's errors on stderr.
 */
async function runJava(source: string, secrets: Secrets): Promise<SampleRun> {
  const className = /public class (\w+)/.exec(source)?.[1];
  if (!className) throw new Error("the Java sample declares no public class");
  const dir = mkdtempSync(join(tmpdir(), "klearstack-java-"));
  try {
    writeFileSync(join(dir, `${className}.java`), source);
    return await run(
      "java",
      [...shortRunJvm, "-cp", javaClasspath.join(":"), join(dir, `${className}.java`)],
      { secrets },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the XHR sample as a <script> of a page served from http://localhost:PORT, an origin other
 * than the mock's (127.0.0.1:OTHER_PORT), so the browser applies CORS exactly as on a reader's site.
 */
async function runInBrowser(source: string): Promise<SampleRun> {
  const site = await startLocalServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><title>sample</title>");
  });
  const origin = `http://localhost:${new URL(site.url).port}`;
  const page = await (await sampleBrowser()).context.newPage();
  const logged: string[] = [];
  const errors: string[] = [];
  try {
    // The sample logs the response text when the request is done (or an empty line if CORS fails):
    // the first console line or page error is the condition; the deadline only catches a hang.
    let settled: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      settled = resolve;
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
      else logged.push(message.text());
      settled();
    });
    page.on("pageerror", (error) => {
      errors.push(error.message);
      settled();
    });
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: source });
    let hung: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((r) => (hung = setTimeout(r, 60_000)))]);
    clearTimeout(hung);
    return {
      exitCode: errors.length ? 1 : logged.length ? 0 : null,
      output: logged.join("\n"),
      stderr: errors.join("\n"),
    };
  } finally {
    await page.close();
    await site.close();
  }
}

/** Runs `command` with the secrets added to this process's environment (PATH as is). */
async function run(
  command: string,
  args: string[],
  { cwd, secrets = {} }: { cwd?: string; secrets?: Secrets } = {},
): Promise<SampleRun> {
  const { code, stdout, stderr } = await runProcess(command, args, {
    cwd,
    env: { ...process.env, ...secrets },
  });
  return { exitCode: code, output: stdout, stderr };
}
