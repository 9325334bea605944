import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  redactDeep
} from "./chunk-UKFBPNET.js";
import {
  OutputTail
} from "./chunk-QNSM54YF.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  COMMANDS,
  describeProblem,
  shipguardError
} from "./chunk-NPSWBCF6.js";

// src/registry/compose.ts
import { readFile } from "node:fs/promises";
import path4 from "node:path";

// src/adapters/git-cli.ts
import { spawn as spawn2 } from "node:child_process";

// node_modules/@actions/exec/lib/toolrunner.js
import * as os from "os";
import * as events from "events";
import * as child from "child_process";
import * as path3 from "path";

// node_modules/@actions/io/lib/io.js
import * as path2 from "path";

// node_modules/@actions/io/lib/io-util.js
import * as fs from "fs";
import * as path from "path";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
  return __awaiter(this, void 0, void 0, function* () {
    try {
      yield stat(fsPath);
    } catch (err) {
      if (err.code === "ENOENT") {
        return false;
      }
      throw err;
    }
    return true;
  });
}
function isRooted(p) {
  p = normalizeSeparators(p);
  if (!p) {
    throw new Error('isRooted() parameter "p" cannot be empty');
  }
  if (IS_WINDOWS) {
    return p.startsWith("\\") || /^[A-Z]:/i.test(p);
  }
  return p.startsWith("/");
}
function tryGetExecutablePath(filePath, extensions) {
  return __awaiter(this, void 0, void 0, function* () {
    let stats = void 0;
    try {
      stats = yield stat(filePath);
    } catch (err) {
      if (err.code !== "ENOENT") {
        console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
      }
    }
    if (stats && stats.isFile()) {
      if (IS_WINDOWS) {
        const upperExt = path.extname(filePath).toUpperCase();
        if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
          return filePath;
        }
      } else {
        if (isUnixExecutable(stats)) {
          return filePath;
        }
      }
    }
    const originalFilePath = filePath;
    for (const extension of extensions) {
      filePath = originalFilePath + extension;
      stats = void 0;
      try {
        stats = yield stat(filePath);
      } catch (err) {
        if (err.code !== "ENOENT") {
          console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
        }
      }
      if (stats && stats.isFile()) {
        if (IS_WINDOWS) {
          try {
            const directory = path.dirname(filePath);
            const upperName = path.basename(filePath).toUpperCase();
            for (const actualName of yield readdir(directory)) {
              if (upperName === actualName.toUpperCase()) {
                filePath = path.join(directory, actualName);
                break;
              }
            }
          } catch (err) {
            console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
          }
          return filePath;
        } else {
          if (isUnixExecutable(stats)) {
            return filePath;
          }
        }
      }
    }
    return "";
  });
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS) {
    p = p.replace(/\//g, "\\");
    return p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function isUnixExecutable(stats) {
  return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && process.getgid !== void 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && process.getuid !== void 0 && stats.uid === process.getuid();
}

// node_modules/@actions/io/lib/io.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function which(tool, check) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    if (check) {
      const result = yield which(tool, false);
      if (!result) {
        if (IS_WINDOWS) {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
        } else {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
        }
      }
      return result;
    }
    const matches = yield findInPath(tool);
    if (matches && matches.length > 0) {
      return matches[0];
    }
    return "";
  });
}
function findInPath(tool) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    const extensions = [];
    if (IS_WINDOWS && process.env["PATHEXT"]) {
      for (const extension of process.env["PATHEXT"].split(path2.delimiter)) {
        if (extension) {
          extensions.push(extension);
        }
      }
    }
    if (isRooted(tool)) {
      const filePath = yield tryGetExecutablePath(tool, extensions);
      if (filePath) {
        return [filePath];
      }
      return [];
    }
    if (tool.includes(path2.sep)) {
      return [];
    }
    const directories = [];
    if (process.env.PATH) {
      for (const p of process.env.PATH.split(path2.delimiter)) {
        if (p) {
          directories.push(p);
        }
      }
    }
    const matches = [];
    for (const directory of directories) {
      const filePath = yield tryGetExecutablePath(path2.join(directory, tool), extensions);
      if (filePath) {
        matches.push(filePath);
      }
    }
    return matches;
  });
}

// node_modules/@actions/exec/lib/toolrunner.js
import { setTimeout } from "timers";
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS2 = process.platform === "win32";
var ToolRunner = class extends events.EventEmitter {
  constructor(toolPath, args, options) {
    super();
    if (!toolPath) {
      throw new Error("Parameter 'toolPath' cannot be null or empty.");
    }
    this.toolPath = toolPath;
    this.args = args || [];
    this.options = options || {};
  }
  _debug(message) {
    if (this.options.listeners && this.options.listeners.debug) {
      this.options.listeners.debug(message);
    }
  }
  _getCommandString(options, noPrefix) {
    const toolPath = this._getSpawnFileName();
    const args = this._getSpawnArgs(options);
    let cmd = noPrefix ? "" : "[command]";
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        cmd += toolPath;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else if (options.windowsVerbatimArguments) {
        cmd += `"${toolPath}"`;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else {
        cmd += this._windowsQuoteCmdArg(toolPath);
        for (const a of args) {
          cmd += ` ${this._windowsQuoteCmdArg(a)}`;
        }
      }
    } else {
      cmd += toolPath;
      for (const a of args) {
        cmd += ` ${a}`;
      }
    }
    return cmd;
  }
  _processLineBuffer(data, strBuffer, onLine) {
    try {
      let s = strBuffer + data.toString();
      let n = s.indexOf(os.EOL);
      while (n > -1) {
        const line = s.substring(0, n);
        onLine(line);
        s = s.substring(n + os.EOL.length);
        n = s.indexOf(os.EOL);
      }
      return s;
    } catch (err) {
      this._debug(`error processing line. Failed with error ${err}`);
      return "";
    }
  }
  _getSpawnFileName() {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        return process.env["COMSPEC"] || "cmd.exe";
      }
    }
    return this.toolPath;
  }
  _getSpawnArgs(options) {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
        for (const a of this.args) {
          argline += " ";
          argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
        }
        argline += '"';
        return [argline];
      }
    }
    return this.args;
  }
  _endsWith(str, end) {
    return str.endsWith(end);
  }
  _isCmdFile() {
    const upperToolPath = this.toolPath.toUpperCase();
    return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
  }
  _windowsQuoteCmdArg(arg) {
    if (!this._isCmdFile()) {
      return this._uvQuoteCmdArg(arg);
    }
    if (!arg) {
      return '""';
    }
    const cmdSpecialChars = [
      " ",
      "	",
      "&",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "^",
      "=",
      ";",
      "!",
      "'",
      "+",
      ",",
      "`",
      "~",
      "|",
      "<",
      ">",
      '"'
    ];
    let needsQuotes = false;
    for (const char of arg) {
      if (cmdSpecialChars.some((x) => x === char)) {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return arg;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += '"';
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _uvQuoteCmdArg(arg) {
    if (!arg) {
      return '""';
    }
    if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
      return arg;
    }
    if (!arg.includes('"') && !arg.includes("\\")) {
      return `"${arg}"`;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += "\\";
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _cloneExecOptions(options) {
    options = options || {};
    const result = {
      cwd: options.cwd || process.cwd(),
      env: options.env || process.env,
      silent: options.silent || false,
      windowsVerbatimArguments: options.windowsVerbatimArguments || false,
      failOnStdErr: options.failOnStdErr || false,
      ignoreReturnCode: options.ignoreReturnCode || false,
      delay: options.delay || 1e4
    };
    result.outStream = options.outStream || process.stdout;
    result.errStream = options.errStream || process.stderr;
    return result;
  }
  _getSpawnOptions(options, toolPath) {
    options = options || {};
    const result = {};
    result.cwd = options.cwd;
    result.env = options.env;
    result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
    if (options.windowsVerbatimArguments) {
      result.argv0 = `"${toolPath}"`;
    }
    return result;
  }
  /**
   * Exec a tool.
   * Output will be streamed to the live console.
   * Returns promise with return code
   *
   * @param     tool     path to tool to exec
   * @param     options  optional exec options.  See ExecOptions
   * @returns   number
   */
  exec() {
    return __awaiter3(this, void 0, void 0, function* () {
      if (!isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS2 && this.toolPath.includes("\\"))) {
        this.toolPath = path3.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
      }
      this.toolPath = yield which(this.toolPath, true);
      return new Promise((resolve2, reject) => __awaiter3(this, void 0, void 0, function* () {
        this._debug(`exec tool: ${this.toolPath}`);
        this._debug("arguments:");
        for (const arg of this.args) {
          this._debug(`   ${arg}`);
        }
        const optionsNonNull = this._cloneExecOptions(this.options);
        if (!optionsNonNull.silent && optionsNonNull.outStream) {
          optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
        }
        const state = new ExecState(optionsNonNull, this.toolPath);
        state.on("debug", (message) => {
          this._debug(message);
        });
        if (this.options.cwd && !(yield exists(this.options.cwd))) {
          return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
        }
        const fileName = this._getSpawnFileName();
        const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
        let stdbuffer = "";
        if (cp.stdout) {
          cp.stdout.on("data", (data) => {
            if (this.options.listeners && this.options.listeners.stdout) {
              this.options.listeners.stdout(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(data);
            }
            stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.stdline) {
                this.options.listeners.stdline(line);
              }
            });
          });
        }
        let errbuffer = "";
        if (cp.stderr) {
          cp.stderr.on("data", (data) => {
            state.processStderr = true;
            if (this.options.listeners && this.options.listeners.stderr) {
              this.options.listeners.stderr(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
              const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
              s.write(data);
            }
            errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.errline) {
                this.options.listeners.errline(line);
              }
            });
          });
        }
        cp.on("error", (err) => {
          state.processError = err.message;
          state.processExited = true;
          state.processClosed = true;
          state.CheckComplete();
        });
        cp.on("exit", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        cp.on("close", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          state.processClosed = true;
          this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        state.on("done", (error, exitCode) => {
          if (stdbuffer.length > 0) {
            this.emit("stdline", stdbuffer);
          }
          if (errbuffer.length > 0) {
            this.emit("errline", errbuffer);
          }
          cp.removeAllListeners();
          if (error) {
            reject(error);
          } else {
            resolve2(exitCode);
          }
        });
        if (this.options.input) {
          if (!cp.stdin) {
            throw new Error("child process missing stdin");
          }
          cp.stdin.end(this.options.input);
        }
      }));
    });
  }
};
function argStringToArray(argString) {
  const args = [];
  let inQuotes = false;
  let escaped = false;
  let arg = "";
  function append(c) {
    if (escaped && c !== '"') {
      arg += "\\";
    }
    arg += c;
    escaped = false;
  }
  for (let i = 0; i < argString.length; i++) {
    const c = argString.charAt(i);
    if (c === '"') {
      if (!escaped) {
        inQuotes = !inQuotes;
      } else {
        append(c);
      }
      continue;
    }
    if (c === "\\" && escaped) {
      append(c);
      continue;
    }
    if (c === "\\" && inQuotes) {
      escaped = true;
      continue;
    }
    if (c === " " && !inQuotes) {
      if (arg.length > 0) {
        args.push(arg);
        arg = "";
      }
      continue;
    }
    append(c);
  }
  if (arg.length > 0) {
    args.push(arg.trim());
  }
  return args;
}
var ExecState = class _ExecState extends events.EventEmitter {
  constructor(options, toolPath) {
    super();
    this.processClosed = false;
    this.processError = "";
    this.processExitCode = 0;
    this.processExited = false;
    this.processStderr = false;
    this.delay = 1e4;
    this.done = false;
    this.timeout = null;
    if (!toolPath) {
      throw new Error("toolPath must not be empty");
    }
    this.options = options;
    this.toolPath = toolPath;
    if (options.delay) {
      this.delay = options.delay;
    }
  }
  CheckComplete() {
    if (this.done) {
      return;
    }
    if (this.processClosed) {
      this._setResult();
    } else if (this.processExited) {
      this.timeout = setTimeout(_ExecState.HandleTimeout, this.delay, this);
    }
  }
  _debug(message) {
    this.emit("debug", message);
  }
  _setResult() {
    let error;
    if (this.processExited) {
      if (this.processError) {
        error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
      } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
        error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
      } else if (this.processStderr && this.options.failOnStdErr) {
        error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
      }
    }
    if (this.timeout) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
    this.done = true;
    this.emit("done", error, this.processExitCode);
  }
  static HandleTimeout(state) {
    if (state.done) {
      return;
    }
    if (!state.processClosed && state.processExited) {
      const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
      state._debug(message);
    }
    state._setResult();
  }
};

// node_modules/@actions/exec/lib/exec.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function exec(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    const commandArgs = argStringToArray(commandLine);
    if (commandArgs.length === 0) {
      throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
    }
    const toolPath = commandArgs[0];
    args = commandArgs.slice(1).concat(args || []);
    const runner = new ToolRunner(toolPath, args, options);
    return runner.exec();
  });
}

// src/core/range-walk.ts
var RangeWalk = class {
  constructor(head, base) {
    this.base = base;
    this.pending.set(head, false);
  }
  base;
  /** Commits named as parents but not seen yet: true when reachable from the base. */
  pending = /* @__PURE__ */ new Map();
  pendingInRange = 1;
  count = 0;
  sawBase = false;
  /** Commits of the range that named a parent still pending in the range, by that parent. */
  namedBy = /* @__PURE__ */ new Map();
  edgeList = [];
  /** Commits of the range delivered so far. */
  get inRange() {
    return this.count;
  }
  /**
   * Whether a commit of the stream named the base as a parent: it is an ancestor of head. Each
   * child of the base is in the range, so this is known by the time the walk is done.
   */
  get baseSeen() {
    return this.sawBase;
  }
  /**
   * Commits of the range with a parent outside it (other than the base: its children cannot be its
   * ancestors), and roots. Complete once the walk is done.
   */
  get edges() {
    return this.edgeList;
  }
  /** No commit of the range is pending: the rest of the stream lies outside it. */
  get done() {
    return this.pendingInRange === 0;
  }
  step(sha, parents) {
    const outside = this.pending.get(sha);
    if (outside === void 0) return "unordered";
    this.pending.delete(sha);
    if (outside) {
      for (const parent of parents) {
        if (this.pending.get(parent) === false) {
          this.pendingInRange--;
          const namers = this.namedBy.get(parent);
          if (namers !== void 0) this.edgeList.push(...namers);
          this.namedBy.delete(parent);
        }
        this.pending.set(parent, true);
      }
      return "out";
    }
    this.pendingInRange--;
    this.namedBy.delete(sha);
    let edge = parents.length === 0 && this.base !== null;
    for (const parent of parents) {
      if (parent === this.base) {
        this.sawBase = true;
        this.pending.set(parent, true);
        continue;
      }
      const known = this.pending.get(parent);
      if (known === true) {
        edge = true;
        continue;
      }
      if (known === void 0) {
        this.pending.set(parent, false);
        this.pendingInRange++;
      }
      const namers = this.namedBy.get(parent);
      if (namers === void 0) this.namedBy.set(parent, [sha]);
      else namers.push(sha);
    }
    if (edge) this.edgeList.push(sha);
    this.count++;
    return "in";
  }
};

// src/adapters/git-log-parser.ts
var NulTripleParser = class {
  constructor(onCommit, onBoundary) {
    this.onCommit = onCommit;
    this.onBoundary = onBoundary;
  }
  onCommit;
  onBoundary;
  pending = null;
  /** Which field of the current commit comes next: 0 mark+sha, 1 parents, 2 message. */
  index = 0;
  sha = "";
  boundary = false;
  parents = "";
  push(chunk) {
    let start = 0;
    if (this.pending !== null) {
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      const joined = Buffer.concat([this.pending, chunk.subarray(0, nul)]);
      this.pending = null;
      this.field(joined, 0, joined.length);
      start = nul + 1;
    }
    for (; ; ) {
      const nul = chunk.indexOf(0, start);
      if (nul === -1) break;
      this.field(chunk, start, nul);
      start = nul + 1;
    }
    if (start < chunk.length) this.pending = Buffer.from(chunk.subarray(start));
  }
  /** One field, bytes [start, end) of buf: decoded in place, without a Buffer view per field. */
  field(buf, start, end) {
    if (this.index === 0) {
      let at = start;
      while (at < end && (buf[at] === 10 || buf[at] === 13)) at++;
      this.boundary = buf[at] === 45;
      this.sha = buf.toString("latin1", at + 1, end);
      this.index = 1;
      return;
    }
    if (this.index === 1) {
      this.parents = buf.toString("latin1", start, end);
      this.index = 2;
      return;
    }
    this.index = 0;
    if (this.boundary) {
      this.onBoundary?.(this.sha);
      return;
    }
    this.onCommit({
      sha: this.sha,
      parents: this.parents === "" ? [] : this.parents.split(" "),
      message: buf.toString("utf8", start, end)
    });
  }
  end() {
    if (this.pending !== null && this.pending.length > 0) {
      const rest = this.pending.toString("latin1").trim();
      this.pending = null;
      if (rest !== "")
        throw new Error(`git log output ended in the middle of a commit: ${rest.slice(0, 80)}`);
    }
    if (this.index !== 0) throw new Error("git log output ended in the middle of a commit");
  }
};

// src/adapters/git-cli.ts
var MAX_EDGE_CHECKS = 8;
var LOG_FORMAT = "--format=%m%H%x00%P%x00%B";
var BASE_ARGS = ["-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "color.ui=never"];
var GitCli = class {
  constructor(cwd, logger, env) {
    this.cwd = cwd;
    this.logger = logger;
    this.env = env;
  }
  cwd;
  logger;
  env;
  gitEnv() {
    return { ...this.env, GIT_TERMINAL_PROMPT: "0", GIT_FLUSH: "0", LC_ALL: "C" };
  }
  /**
   * Runs git; `onStdout` sees each chunk as it arrives. Resolves with the exit code (never rejects
   * for a non-zero one); rejects with a ShipguardError when git cannot be started.
   */
  async exec(args, onStdout, stderr, input) {
    try {
      return await exec("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        silent: true,
        ignoreReturnCode: true,
        ...input === void 0 ? {} : { input: Buffer.from(input, "utf8") },
        listeners: { stdout: onStdout, stderr: (chunk) => void stderr.push(chunk) }
      });
    } catch (error) {
      throw gitSpawnError(error, this.cwd);
    }
  }
  async run(args, allowFailure = false, input) {
    const out = [];
    const err = new OutputTail();
    const stderr = err.reader();
    const code = await this.exec(args, (chunk) => out.push(chunk), stderr, input);
    stderr.end();
    const bytes = Buffer.concat(out);
    const result = { code, bytes, stdout: bytes.toString("utf8"), stderr: err.text() };
    if (result.code !== 0 && !allowFailure) throw gitFailed(args, result.stderr);
    return result;
  }
  async inspect() {
    const r = await this.run(
      ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--verify", "-q", "HEAD^{commit}"],
      true
    );
    const [topLevel = "", shallow = "", head = ""] = r.stdout.split("\n");
    if (topLevel === "") return null;
    return { topLevel, shallow: shallow === "true", head: r.code === 0 && head !== "" ? head : null };
  }
  async currentBranch() {
    const r = await this.run(["symbolic-ref", "--short", "-q", "HEAD"], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async hasRemote(name) {
    const r = await this.run(["remote"], true);
    return r.stdout.split("\n").some((line) => line.trim() === name);
  }
  async fetchHistoryAndTags(remote, unshallow) {
    const args = ["fetch", "--quiet", "--no-recurse-submodules", "--tags", "--force"];
    if (unshallow) args.push("--unshallow");
    args.push(remote);
    this.logger.debug(`git ${args.join(" ")}`);
    await this.run(args);
  }
  async listTags(pattern) {
    const r = await this.run([
      "for-each-ref",
      "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(*objecttype)",
      `refs/tags/${pattern}`
    ]);
    const tags = [];
    for (const line of r.stdout.split("\n")) {
      if (line === "") continue;
      const [name = "", object = "", peeled = "", type = "", peeledType = ""] = line.split("\0");
      const targetType = peeledType || type;
      if (targetType !== "commit") {
        this.logger.debug(`Tag ${JSON.stringify(name)} points at a ${targetType}, not a commit: skipped.`);
        continue;
      }
      tags.push({ name, sha: peeled || object });
    }
    return tags;
  }
  async resolveCommit(ref) {
    const r = await this.run(["rev-parse", "-q", "--verify", "--end-of-options", `${ref}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async changedFiles(from, to) {
    const r = await this.run(["diff", "--name-only", "-z", "--no-renames", from, to, "--"]);
    return r.stdout.split("\0").filter((f) => f !== "");
  }
  async tagCommit(tag) {
    const ref = await this.run(["show-ref", "--verify", "--hash", `refs/tags/${tag}`], true);
    const object = ref.code === 0 ? ref.stdout.trim() : "";
    if (!/^[0-9a-f]{40,64}$/.test(object)) return null;
    const r = await this.run(["rev-parse", "-q", "--verify", `${object}^{commit}`], true);
    return r.code === 0 ? r.stdout.trim() : null;
  }
  async createAnnotatedTag(tag, sha, message) {
    const r = await this.run(["tag", "-a", "--cleanup=verbatim", "-F", "-", "--", tag, sha], true, message);
    if (r.code === 0) return "created";
    if (/already exists/.test(r.stderr)) return "exists";
    throw gitFailed(["tag", "-a"], r.stderr);
  }
  async deleteTag(tag) {
    await this.run(["tag", "-d", "--", tag]);
  }
  async forceTag(tag, sha) {
    await this.run(["tag", "-f", "--", tag, sha]);
  }
  async pushTag(remote, tag, force) {
    const spec = `${force ? "+" : ""}refs/tags/${tag}:refs/tags/${tag}`;
    const r = await this.run(["push", "--porcelain", remote, spec], true);
    if (r.code === 0) return "pushed";
    if (/\[rejected\]|already exists|non-fast-forward|\(fetch first\)/.test(r.stdout + r.stderr))
      return "rejected";
    throw gitFailed(["push", remote], r.stderr || r.stdout);
  }
  async remoteTagCommit(remote, tag) {
    const r = await this.run(["ls-remote", "--tags", remote, `refs/tags/${tag}`, `refs/tags/${tag}^{}`]);
    let direct = null;
    for (const line of r.stdout.split("\n")) {
      const [sha, ref] = line.split("	");
      if (ref === `refs/tags/${tag}^{}`) return sha ?? null;
      if (ref === `refs/tags/${tag}`) direct = sha ?? null;
    }
    return direct;
  }
  async isAncestor(ancestor, descendant) {
    const r = await this.run(["merge-base", "--is-ancestor", ancestor, descendant], true);
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw gitFailed(["merge-base", "--is-ancestor", ancestor, descendant], r.stderr);
  }
  // Not part of the Git port: making a repository and reading files from it, for the demo's
  // fixtures (src/demo), which run git through this adapter like the commands do.
  /** Makes the working directory a repository whose first branch is `branch`. */
  async init(branch) {
    await this.run(["init", "--quiet"]);
    await this.run(["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
  }
  /** Commits every change of the work tree, hooks skipped. */
  async commitAll(message) {
    await this.run(["add", "--all"]);
    await this.run(["commit", "--quiet", "--no-verify", "--message", message]);
  }
  /**
   * The files under `folder` at `ref` (a tag or a commit), recursively: each with its path relative
   * to `folder`, git's mode ("100644", "100755", "120000" for a symlink, whose content is its
   * target) and its bytes as committed. Submodules are left out.
   */
  async filesAt(ref, folder) {
    const prefix = `${folder.replace(/\/+$/, "")}/`;
    const listing = await this.run([
      "ls-tree",
      "-r",
      "-z",
      "--end-of-options",
      `${ref}^{commit}`,
      "--",
      prefix
    ]);
    const files = [];
    for (const entry of listing.stdout.split("\0")) {
      const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
      if (match === null) continue;
      const [, mode = "", sha = "", file = ""] = match;
      const blob = await this.run(["cat-file", "blob", sha]);
      files.push({ path: file.slice(prefix.length), mode, content: blob.bytes });
    }
    return files;
  }
  async streamCommits(to, exclude, onCommit, onBoundary, onRestart) {
    if (await this.streamAsItComes(to, exclude, onCommit, onBoundary)) return;
    this.logger.debug(
      "Commit dates are out of order in this history: reading the range again in git's order."
    );
    onRestart?.();
    const args = ["log", "-z", "--date-order", "--no-decorate", LOG_FORMAT, to];
    if (exclude !== null) args.push("--boundary", `^${exclude}`);
    args.push("--");
    await this.logStream(
      args,
      (commit) => {
        onCommit(commit);
        return true;
      },
      onBoundary
    );
  }
  /**
   * `git log <to>` starts printing at once, where `git log <to> ^<exclude>` first walks the whole
   * range: parsing then runs beside git instead of after it. RangeWalk finds the range in the
   * stream, and git confirms it: no commit of the range that has a parent outside it may be an
   * ancestor of `exclude` (clock skew can only make the walk's range too large, and then such a
   * commit exists). False: the order or the range could not be trusted.
   */
  async streamAsItComes(to, exclude, onCommit, onBoundary) {
    const walk = new RangeWalk(to, exclude);
    let ordered = true;
    await this.logStream(["log", "-z", "--no-decorate", LOG_FORMAT, to, "--"], (commit) => {
      const step = walk.step(commit.sha, commit.parents);
      if (step === "unordered") {
        ordered = false;
        return false;
      }
      if (step === "in") onCommit(commit);
      return !walk.done;
    });
    if (!ordered || !walk.done) return false;
    if (exclude === null || !walk.baseSeen) return true;
    if (!await this.rangeConfirmed(to, exclude, walk)) return false;
    onBoundary?.(exclude);
    return true;
  }
  /** Whether git agrees with the walk's range `exclude..to`. */
  async rangeConfirmed(to, exclude, walk) {
    const edges = walk.edges;
    if (edges.length <= MAX_EDGE_CHECKS) {
      const answers = await Promise.all(edges.map((edge) => this.isAncestor(edge, exclude)));
      return !answers.includes(true);
    }
    const r = await this.run(["rev-list", "--count", to, `^${exclude}`, "--"], true);
    return r.code === 0 && Number(r.stdout.trim()) === walk.inRange;
  }
  /**
   * Streams `git log -z` output to `onCommit` until it returns false. The one git call not made
   * through @actions/exec: its runner decodes every chunk to text to split lines for listeners we
   * do not use; at 1,000,000 commits that cost 9% of the run and 8 MB (README, "Design
   * notes"). This stream stays bytes, split on NUL, each message decoded once.
   */
  logStream(args, onCommit, onBoundary) {
    let stopped = false;
    const parser = new NulTripleParser((commit) => {
      if (!stopped && !onCommit(commit)) stopped = true;
    }, onBoundary);
    return new Promise((resolve2, reject) => {
      const child2 = spawn2("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        stdio: ["ignore", "pipe", "pipe"]
      });
      const err = new OutputTail();
      const stderr = err.reader();
      let failed = null;
      child2.stdout.on("data", (chunk) => {
        if (failed !== null || stopped) return;
        try {
          parser.push(chunk);
        } catch (error) {
          failed = error;
        }
        if (failed !== null || stopped) child2.kill();
      });
      child2.stderr.on("data", (chunk) => void stderr.push(chunk));
      child2.on("error", (error) => reject(gitSpawnError(error, this.cwd)));
      child2.on("close", (code) => {
        if (failed !== null) return reject(failed);
        if (stopped) return resolve2();
        stderr.end();
        if (code !== 0) return reject(gitFailed(args, err.text()));
        try {
          parser.end();
          resolve2();
        } catch (error) {
          reject(error);
        }
      });
    });
  }
};
function gitSpawnError(error, cwd) {
  const cause = { cause: error };
  if (error.code === "ENOENT" || /Unable to locate executable file/.test(error.message)) {
    return shipguardError("SG_GIT_NOT_FOUND", {}, cause);
  }
  if (/The cwd: .* does not exist/.test(error.message)) {
    return shipguardError("SG_WORKING_DIRECTORY_MISSING", { cwd }, cause);
  }
  return shipguardError("SG_GIT_UNSTARTABLE", { detail: error.message }, cause);
}
function gitFailed(args, stderr) {
  return shipguardError("SG_GIT_FAILED", { command: args.slice(0, 2).join(" "), stderr: printable(stderr) });
}

// src/registry/compose.ts
var PERMISSIONS = {
  release: "`contents: write`",
  deploy: "`deployments: write` (and `actions: write` for rollbacks)",
  rollback: "`deployments: write`",
  smoke: "`deployments: read` (to read the deployed version when `version` is not set)",
  incident: "`issues: write`"
};
var LOCK_WAIT_SECONDS = 600;
var CompositionRoot = class _CompositionRoot {
  constructor(context) {
    this.context = context;
  }
  context;
  clients = null;
  /** The environment locks this run holds, shared with the roots with() makes (re-entrancy). */
  held = /* @__PURE__ */ new Set();
  /** The same wiring for a run in another context (the automatic rollback's actor); clients are shared. */
  with(patch) {
    const root = new _CompositionRoot({ ...this.context, ...patch });
    root.clients = this.clients;
    root.held = this.held;
    return root;
  }
  /** The folder of the repository a command works in. */
  repoDir(workingDirectory) {
    return path4.resolve(this.context.workspace, workingDirectory);
  }
  git(workingDirectory) {
    return new GitCli(this.repoDir(workingDirectory), this.context.logger, this.context.env);
  }
  /**
   * GitHub, when the settings name a repository (the action's default: the workflow's own); null
   * for the local backend. A missing token is an error here, before anything is written.
   */
  async github(repository, command, tokenOptional = false) {
    if (repository === null) return null;
    const { token, apiUrl } = this.context.github;
    if (token === "" && !tokenOptional) {
      throw shipguardError("SG_TOKEN_MISSING", {
        command,
        permissions: PERMISSIONS[command],
        cli: this.context.host === "cli"
      });
    }
    this.clients ??= import("./client-G4XNM2KP.js").then(({ createClient }) => {
      const options = { token: token || "dry-run", baseUrl: apiUrl, logger: this.context.logger };
      return { octokit: createClient(options), urgentOctokit: createClient(options) };
    });
    return { repository, ...await this.clients };
  }
  async forge(settings, git) {
    const github = await this.github(settings.repository, "release", settings.dryRun);
    if (github === null) {
      const { LocalForge } = await import("./local-forge-SPRXP5Z3.js");
      return new LocalForge(git, this.context.logger, settings.push ? "origin" : null);
    }
    const { GitHubForge } = await import("./forge-VFWQMDBG.js");
    return new GitHubForge(github.octokit, github.repository, this.context.logger);
  }
  async ledger(github, repoDir, ledgerFile) {
    if (github !== null) {
      const { GitHubLedger } = await import("./ledger-BQXSPFOH.js");
      return new GitHubLedger(github.octokit, github.repository, this.context.logger);
    }
    const { LocalLedger } = await import("./local-ledger-SUKOTV3S.js");
    const file = await ledgerPath(repoDir, ledgerFile);
    return new LocalLedger(file, { logger: this.context.logger, creator: this.context.actor });
  }
  /**
   * Runs `work` holding the environment's lock, on the local backend (on GitHub the workflows'
   * concurrency serialises runs). Re-entrant within a run: the automatic rollback of a failed
   * deploy, wired through with(), runs under the lock its deploy holds.
   */
  async exclusive(github, repoDir, target, work) {
    if (github !== null) return work();
    const { acquireEnvironmentLock, environmentLockPath } = await import("./environment-lock-MRVOAUBA.js");
    const file = environmentLockPath(await ledgerPath(repoDir, target.ledgerFile), target.environment);
    if (this.held.has(file)) return work();
    const seconds = Number(this.context.env.SHIPGUARD_LOCK_WAIT_SECONDS ?? LOCK_WAIT_SECONDS);
    const { cancellation } = this.context;
    const lock = await acquireEnvironmentLock({
      file,
      environment: target.environment,
      command: target.command,
      logger: this.context.logger,
      waitMs: (Number.isFinite(seconds) && seconds >= 0 ? seconds : LOCK_WAIT_SECONDS) * 1e3,
      signal: cancellation.signal
    }).catch((error) => {
      const signal = cancellation.cause();
      if (signal === null) throw error;
      throw shipguardError("SG_CANCELLED", { signal, environment: target.environment });
    });
    this.held.add(file);
    try {
      return await work();
    } finally {
      this.held.delete(file);
      await lock.release();
    }
  }
  async dispatcher(github, urgent = false) {
    const { GitHubDispatcher } = await import("./dispatcher-RL5A5HXP.js");
    const octokit = urgent ? github.urgentOctokit : github.octokit;
    return new GitHubDispatcher(octokit, github.repository, this.context.logger);
  }
  /** The branch dispatched workflows run on: workflow-ref, else the repository's default branch. */
  async workflowRef(github, settings) {
    if (settings.workflowRef !== null) return settings.workflowRef;
    if (this.context.github.defaultBranch !== null) return this.context.github.defaultBranch;
    const repo = await github.octokit.rest.repos.get({ ...github.repository });
    return repo.data.default_branch;
  }
  async deployer(settings, github, repoDir) {
    const { logger, env } = this.context;
    const common = { env, logger, timeoutMs: settings.deployTimeoutMs };
    switch (settings.strategy) {
      case "command": {
        const { CommandDeployer } = await import("./command-7GHJJHUI.js");
        return new CommandDeployer({
          ...common,
          command: settings.deployCommand ?? "",
          prepareCommand: settings.prepareCommand,
          cwd: repoDir
        });
      }
      case "symlink": {
        const { SymlinkDeployer } = await import("./symlink-FAUVE2ZD.js");
        return new SymlinkDeployer({
          ...common,
          releaseSource: path4.resolve(repoDir, settings.releaseSource ?? ""),
          releasesDir: path4.resolve(repoDir, settings.releasesDir ?? ""),
          ...settings.currentLink === null ? {} : { currentLink: path4.resolve(repoDir, settings.currentLink) },
          keepReleases: settings.keepReleases,
          restartCommand: settings.restartCommand,
          prepareCommand: settings.prepareCommand
        });
      }
      case "workflow": {
        if (github === null) throw shipguardError("SG_WORKFLOW_NEEDS_GITHUB", {});
        const { WorkflowDeployer } = await import("./workflow-JD5VMK6A.js");
        return new WorkflowDeployer({
          dispatcher: await this.dispatcher(github),
          workflow: settings.deployWorkflow ?? "",
          ref: await this.workflowRef(github, settings),
          inputs: settings.workflowInputs,
          timeoutMs: settings.deployTimeoutMs,
          logger,
          onStatus: (status) => logger.info(`deploy workflow: ${status}`)
        });
      }
    }
  }
  /** The ports deploy and rollback share: git, the environment's ledger, the deployer and the checks. */
  async deployLoop(settings, command) {
    const repoDir = this.repoDir(settings.workingDirectory);
    const github = await this.github(settings.repository, command);
    const ports = {
      git: this.git(settings.workingDirectory),
      ledger: await this.ledger(github, repoDir, settings.ledgerFile),
      deployer: await this.deployer(settings, github, repoDir),
      logger: this.context.logger,
      smoke: await this.smoke(settings.checks, repoDir)
    };
    return { github, repoDir, ports };
  }
  /** Reads and validates the checks up front, so a typo fails before anything is deployed. */
  async smoke(checks, repoDir) {
    let text = checks.inline;
    let source = "the `checks` input";
    if (checks.file !== null) {
      const file = checks.file;
      source = file;
      text = await readFile(path4.resolve(repoDir, file), "utf8").catch((error) => {
        throw shipguardError("SG_CHECKS_FILE_UNREADABLE", { file, detail: error.code ?? error.message });
      });
    }
    if (text === null) return null;
    const [{ parseChecks }, { secretValues }, { runSmoke }] = await Promise.all([
      import("./parse-checks-OB4IFBSW.js"),
      import("./expand-suite-LKKS3AFV.js"),
      import("./probes-NCP5CSZU.js")
    ]);
    const suite = parseChecks(text, source);
    for (const secret of secretValues(suite, this.context.env)) this.context.registerSecret(secret);
    const { logger, redact } = this.context;
    return {
      suite,
      run: (s, env, signal) => runSmoke(s, {
        env,
        signal,
        redact,
        onAttempt: (event) => {
          if (event.nextDelayMs !== null) {
            logger.debug(
              `check ${event.check}: attempt ${event.attempt} ${event.outcome.verdict}; next in ${event.nextDelayMs} ms`
            );
          }
        }
      })
    };
  }
  /**
   * The webhooks of notify-url (the host masked them, as every `secret` option, before anything
   * ran). Each event is cleared of the run's secrets before any body is made of it.
   */
  async notifier(settings) {
    const { WebhookNotifier } = await import("./webhook-3IJJW3CP.js");
    const notifier = new WebhookNotifier({ urls: settings.urls, format: settings.format });
    const { redact } = this.context;
    return { send: (event, limits) => notifier.send(redactDeep(event, redact), limits) };
  }
  /**
   * Where incidents are recorded: an issue in the repository the settings name (GitHub), else
   * markdown files in `incidents/` next to the local ledger (`.shipguard/incidents/`).
   */
  async incidentLog(where) {
    const log = await this.incidentLogOn(where);
    const { redact } = this.context;
    return { describe: log.describe, record: (incident) => log.record(redactDeep(incident, redact)) };
  }
  async incidentLogOn(where) {
    const github = await this.github(where.repository, "incident");
    if (github !== null) {
      const { GitHubIncidentLog } = await import("./incidents-QCXX5GC6.js");
      return new GitHubIncidentLog(github.octokit, github.repository, this.context.logger);
    }
    const { incidentsFolder, LocalIncidentLog } = await import("./local-incidents-XKQ6G6UK.js");
    const ledger = await ledgerPath(this.repoDir(where.workingDirectory), where.ledgerFile);
    return new LocalIncidentLog(incidentsFolder(ledger), this.context.logger);
  }
  /** before-rollback and after-rollback: the user's commands, in the repository, with a bound. */
  async hooks(repoDir) {
    const { runShell } = await import("./process-K3L54OHD.js");
    const { logger } = this.context;
    return {
      async run(label, command, env, signal) {
        const r = await runShell({
          label,
          command,
          cwd: repoDir,
          env,
          signal,
          timeoutMs: 15 * 6e4,
          onOutput: (text) => logger.untrusted(text.replace(/\n$/, ""))
        });
        return { ok: r.failure === null, failure: r.failure, tail: r.tail };
      }
    };
  }
};
async function ledgerPath(repoDir, ledgerFile) {
  if (ledgerFile !== null) return path4.resolve(repoDir, ledgerFile);
  const { defaultLedgerPath } = await import("./local-ledger-SUKOTV3S.js");
  return defaultLedgerPath(repoDir);
}
function childEnvironment(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === void 0 || key.startsWith("INPUT_") || key === "ACTIONS_RUNTIME_TOKEN" || key === "ACTIONS_ID_TOKEN_REQUEST_TOKEN")
      continue;
    out[key] = value;
  }
  return out;
}

// src/registry/index.ts
var COMMAND_REGISTRY = {
  version: {
    summary: "Compute the next version from the Conventional Commits since the last tag, and why.",
    load: async () => (await import("./version-GT5XFPLF.js")).versionCommand
  },
  release: {
    summary: "Compute the version, then tag the analysed commit. Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does.",
    load: async () => (await import("./release-QUK2J4ZT.js")).releaseCommand
  },
  deploy: {
    summary: "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
    load: async () => (await import("./deploy-B5UFQK6C.js")).deployCommand,
    cleansUp: true
  },
  smoke: {
    summary: "Run the smoke checks and print the verdict.",
    load: async () => (await import("./smoke-AM2ZURLV.js")).smokeCommand,
    cleansUp: true
  },
  rollback: {
    summary: "Put the last known good version of an environment back (or --to-version), with guards and a report.",
    load: async () => (await import("./rollback-V2RQAG6S.js")).rollbackCommand,
    cleansUp: true
  },
  incident: {
    summary: "Record an incident another step reported (its `incident` output): a GitHub issue labelled shipguard:incident, one per correlation id, or a file in .shipguard/incidents.",
    load: async () => (await import("./incident-TZRILBHM.js")).incidentCommand
  }
};
function isCommandName(name) {
  return COMMANDS.includes(name);
}
async function execute(host, name) {
  const entry = COMMAND_REGISTRY[name];
  const command = await entry.load();
  if (entry.cleansUp) host.context.cancellation.holdExit();
  const shown = await command.execute(host.source, new CompositionRoot(host.context));
  const result = redactDeep(shown, host.context.redact);
  await host.publish(result);
  if (!result.ok) host.fail(result.problem === null ? result.message : describeProblem(result.problem));
  return result;
}

export {
  GitCli,
  CompositionRoot,
  childEnvironment,
  COMMAND_REGISTRY,
  isCommandName,
  execute
};
