import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  ShipguardError,
  invalidInput
} from "./chunk-UVROX66Z.js";
import {
  __commonJS,
  __toESM
} from "./chunk-YIKRADAN.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants2.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants2.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants2.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

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

// src/adapters/git-cli.ts
var MAX_EDGE_CHECKS = 8;
var LOG_FORMAT = "--format=%m%H%x00%P%x00%B";
var BASE_ARGS = ["-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "color.ui=never"];
var GitCli = class {
  constructor(cwd, logger, env = process.env) {
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
        listeners: { stdout: onStdout, stderr: (chunk) => stderr.push(chunk) }
      });
    } catch (error) {
      throw gitSpawnError(error, this.cwd);
    }
  }
  async run(args, allowFailure = false, input) {
    const out = [];
    const err = [];
    const code = await this.exec(args, (chunk) => out.push(chunk), err, input);
    const result = {
      code,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8").trim()
    };
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
    const r = await this.run(["rev-parse", "-q", "--verify", `refs/tags/${tag}^{commit}`], true);
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
      const err = [];
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
      child2.stderr.on("data", (chunk) => err.push(chunk));
      child2.on("error", (error) => reject(gitSpawnError(error, this.cwd)));
      child2.on("close", (code) => {
        if (failed !== null) return reject(failed);
        if (stopped) return resolve2();
        if (code !== 0) return reject(gitFailed(args, Buffer.concat(err).toString("utf8").trim()));
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
function gitSpawnError(error, cwd) {
  if (error.code === "ENOENT" || /Unable to locate executable file/.test(error.message)) {
    return new ShipguardError("git is not installed or not on PATH.", {
      remedy: "Install git (on GitHub-hosted runners it is always present) and run again.",
      cause: error
    });
  }
  if (/The cwd: .* does not exist/.test(error.message)) {
    return new ShipguardError(`The folder ${cwd} does not exist, so git cannot run there.`, {
      remedy: "Check `working-directory` (`--cwd`): it must name an existing folder inside the workspace.",
      cause: error
    });
  }
  return new ShipguardError(`git could not be started: ${error.message}`, {
    remedy: "Check that git runs in this environment.",
    cause: error
  });
}
function gitFailed(args, stderr) {
  const command = args.slice(0, 2).join(" ");
  return new ShipguardError(`git ${command} failed: ${stderr || "no message"}`, {
    remedy: "See git's message above; run the same git command in the repository to investigate."
  });
}

// src/settings.ts
var import_semver3 = __toESM(require_semver2(), 1);

// src/core/next-version.ts
var import_semver2 = __toESM(require_semver2(), 1);

// src/core/rules.ts
var DEFAULT_RULES = [
  { type: "feat", scope: null, bump: "minor" },
  { type: "fix", scope: null, bump: "patch" },
  { type: "perf", scope: null, bump: "patch" }
];
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
var RULE = /^([A-Za-z][A-Za-z0-9_-]*)\s*(?:\(([^()]*)\))?\s*=\s*([^\s=]+)$/;
var SHAPE = "type=bump or type(scope)=bump, with bump one of major, minor, patch or none (for example `docs(readme)=patch`, `refactor=minor`, `chore=none`)";
function listEntries(text) {
  const out = [];
  text.split(/\r\n?|\n/).forEach((raw2, i) => {
    const hash = raw2.indexOf("#");
    for (const part of (hash === -1 ? raw2 : raw2.slice(0, hash)).split(",")) {
      const entry = part.trim();
      if (entry !== "") out.push({ entry, line: i + 1 });
    }
  });
  return out;
}
function parseReleaseRules(text) {
  return listEntries(text).map(({ entry, line }) => parseRule(entry, line));
}
function parseRule(entry, line) {
  const match = RULE.exec(entry);
  if (match === null) throw invalidInput("release-rules", entry, `On line ${line}, expected ${SHAPE}.`);
  const bump = match[3].toLowerCase();
  if (!isBump(bump)) {
    throw invalidInput(
      "release-rules",
      entry,
      `On line ${line}, "${match[3]}" is not a bump: use major, minor, patch or none, as in ${SHAPE}.`
    );
  }
  const scope = match[2] === void 0 ? null : match[2].trim().toLowerCase();
  if (scope === "")
    throw invalidInput("release-rules", entry, `On line ${line}, the scope is empty: expected ${SHAPE}.`);
  return { type: match[1].toLowerCase(), scope, bump };
}
function isBump(value) {
  return value === "major" || value === "minor" || value === "patch" || value === "none";
}
function ruleFor(type, scope, rules) {
  let typeOnly = null;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule.type !== type) continue;
    if (rule.scope === null) typeOnly ??= rule.bump;
    else if (rule.scope === scope) return rule.bump;
  }
  if (typeOnly !== null) return typeOnly;
  for (const rule of DEFAULT_RULES) {
    if (rule.type === type) return rule.bump;
  }
  return null;
}
function bumpFor(change, rules) {
  if (change.breaking) return "major";
  return ruleFor(change.type, change.scope, rules) ?? "none";
}
function bumpRank(bump) {
  return RANK[bump];
}

// src/core/tags.ts
var import_semver = __toESM(require_semver2(), 1);
var FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\]/;
var RULES = 'git ref-name rules: no "..", "@{", "//", spaces, control characters or any of ~ ^ : ? * [ \\, no part that starts with "." or ends with ".lock"';
var VERSION_TEXT = /^\d[0-9A-Za-z.+-]*$/;
function validateRefComponent(value, input, kind = input === "tag-prefix" ? "prefix" : "name") {
  const problem = refProblem(value, kind);
  if (problem !== null) {
    const rules = kind === "name" ? `${RULES}, no trailing "/" or "."` : RULES;
    throw invalidInput(input, value, `It ${problem}; a tag name must follow ${rules}.`);
  }
}
function refProblem(value, kind) {
  if (kind === "name" && value === "") return "is empty";
  if (value === "@") return 'is "@" alone';
  const bad = FORBIDDEN.exec(value);
  if (bad !== null) return `contains ${describeChar(bad[0])}`;
  if (value.includes("..")) return 'contains ".."';
  if (value.includes("@{")) return 'contains "@{"';
  if (value.includes("//")) return 'contains "//"';
  if (value.startsWith("/")) return 'starts with "/"';
  if (value.startsWith("-")) return 'starts with "-", which git would read as an option';
  if (kind === "name" && value.endsWith("/")) return 'ends with "/"';
  if (kind === "name" && value.endsWith(".")) return 'ends with "."';
  const parts = value.split("/");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith(".")) return `has a part that starts with "." ("${part}")`;
    const complete = kind === "name" || i < parts.length - 1;
    if (complete && part.endsWith(".lock")) return `has a part that ends with ".lock" ("${part}")`;
  }
  return null;
}
function describeChar(char) {
  if (char === " ") return "a space";
  const code = char.charCodeAt(0);
  if (code < 32 || code === 127)
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  return `"${char}"`;
}
function parseVersionTag(name, prefix) {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  if (!VERSION_TEXT.test(rest)) return null;
  const parsed = import_semver.default.parse(rest);
  if (parsed === null) return null;
  return { version: parsed.version, prerelease: parsed.prerelease.length > 0 };
}
function selectBaseline(tags, reachable, prefix, debug) {
  const found = [];
  for (const tag of tags) {
    if (!tag.name.startsWith(prefix)) {
      debug(`Skipping tag ${tag.name}: it does not start with the tag prefix "${prefix}".`);
      continue;
    }
    const version = parseVersionTag(tag.name, prefix);
    const parsed = version === null ? null : import_semver.default.parse(version.version);
    if (version === null || parsed === null) {
      debug(
        `Skipping tag ${tag.name}: "${tag.name.slice(prefix.length)}" is not a SemVer version (MAJOR.MINOR.PATCH).`
      );
      continue;
    }
    found.push({
      tag: {
        name: tag.name,
        sha: tag.sha,
        version: version.version,
        prerelease: version.prerelease,
        reachable: reachable.has(tag.name) || reachable.has(tag.sha)
      },
      parsed
    });
  }
  found.sort(
    (a, b) => b.parsed.compare(a.parsed) || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0)
  );
  const versions = found.map((f) => f.tag);
  const lastStable = versions.find((t) => t.reachable && !t.prerelease) ?? null;
  const lastAny = versions.find((t) => t.reachable) ?? null;
  const highestExisting = versions[0] ?? null;
  const warnings = [];
  const above = versions.filter(
    (t) => !t.reachable && (lastAny === null || import_semver.default.gt(t.version, lastAny.version))
  );
  const highest = above[0];
  if (highest !== void 0) {
    const others = above.length > 1 ? ` (and ${above.length - 1} more)` : "";
    const reference = lastAny === null ? "no version tag is reachable from HEAD" : `the highest tag reachable from HEAD is ${lastAny.name}`;
    warnings.push(
      `Tag ${highest.name}${others} is not reachable from HEAD, while ${reference}: was history rewritten, or is the tag on another branch? The next version will stay above every existing tag of its major line.`
    );
  }
  return { versions, lastStable, lastAny, highestExisting, warnings };
}

// src/core/next-version.ts
var PRERELEASE_ID = /^[0-9A-Za-z-]+$/;
var BUILD_METADATA = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/;
var PLAIN_VERSION = /^\d[0-9A-Za-z.+-]*$/;
function decideVersion(input) {
  const { analysis, baseline, settings, tagPrefix } = input;
  const initialVersion = checkInitialVersion(settings.initialVersion);
  const id = checkPrereleaseId(settings.prerelease);
  const build = checkBuildMetadata(settings.buildMetadata);
  const warnings = [...analysis.warnings];
  const tags = new TagIndex(baseline.versions);
  const previous = id === null ? baseline.lastStable : baseline.lastAny;
  const previousVersion = previous?.version ?? null;
  const previousTag = previous?.name ?? null;
  const lastStable = baseline.lastStable?.version ?? null;
  let bump = analysis.bump;
  const zeroMajor = bump === "major" && lastStable !== null && import_semver2.default.major(lastStable) === 0;
  if (zeroMajor && settings.majorZeroBreaking === "minor") bump = "minor";
  let candidate = null;
  let reason = "";
  let reportedBump = bump;
  const requested = analysis.releaseAs;
  if (requested !== null) {
    const value = requested.value.replace(/^[vV]/, "");
    const parsed = PLAIN_VERSION.test(value) ? import_semver2.default.parse(value) : null;
    if (parsed === null) {
      warnings.push(
        `Release-As: ${requested.value} in commit ${short(requested.sha)} is not a SemVer version; it was ignored.`
      );
    } else {
      let proposal = parsed.version;
      if (id !== null && parsed.prerelease.length === 0)
        proposal = `${proposal}-${id}.${tags.nextNumber(proposal, id)}`;
      const blocker = blockerOf(proposal, previous, tags);
      if (blocker !== null) {
        const what = blocker === previous ? "the previous version" : "an existing tag of that line";
        warnings.push(
          `Release-As: ${requested.value} in commit ${short(requested.sha)} was ignored: ${proposal} is not above ${blocker.name} (${what}).`
        );
      } else {
        candidate = proposal;
        reportedBump = distance(previousVersion ?? "0.0.0", proposal);
        reason = `Commit ${short(requested.sha)} asks for Release-As: ${requested.value}, so the ${previous === null ? "first version" : `version after ${previous.version}`} is ${proposal}.`;
      }
    }
  }
  if (candidate === null && bump !== "none") {
    let base = lastStable === null ? initialVersion : import_semver2.default.inc(lastStable, bump);
    let computed;
    if (id === null) {
      computed = base;
    } else {
      const lastAny = baseline.lastAny;
      if (lastAny?.prerelease) {
        const core = coreOf(lastAny.version);
        if (import_semver2.default.gt(core, base)) base = core;
      }
      computed = `${base}-${id}.${tags.nextNumber(base, id)}`;
    }
    const moved = moveAbove(computed, bump, id, previous, tags);
    candidate = moved.version;
    if (moved.blocker !== null) {
      const where = moved.blocker.reachable ? "" : " (not reachable from HEAD)";
      warnings.push(
        `${computed} would not be above the existing tag ${moved.blocker.name}${where}, so the version moves past it to ${candidate}.`
      );
    }
    reason = bumpReason(analysis, bump, zeroMajor, previous, lastStable, candidate, initialVersion);
  }
  if (candidate === null) {
    return {
      version: null,
      tag: null,
      previousVersion,
      previousTag,
      bump: "none",
      releaseNeeded: false,
      prerelease: false,
      warnings,
      reason: noReleaseReason(analysis, previousTag)
    };
  }
  const version = build === null ? candidate : `${candidate}+${build}`;
  const tag = `${tagPrefix}${version}`;
  validateRefComponent(tag, "tag-prefix", "name");
  return {
    version,
    tag,
    previousVersion,
    previousTag,
    bump: reportedBump,
    releaseNeeded: true,
    prerelease: import_semver2.default.prerelease(candidate) !== null,
    warnings,
    reason
  };
}
var TagIndex = class {
  parsed = [];
  constructor(versions) {
    for (const tag of versions) {
      const version = import_semver2.default.parse(tag.version);
      if (version !== null) this.parsed.push({ tag, version });
    }
  }
  /** 1 + the highest N of the tags `<base>-<id>.N`, reachable or not. */
  nextNumber(base, id) {
    let highest = 0;
    for (const { version } of this.parsed) {
      const pre = version.prerelease;
      if (pre.length !== 2 || pre[0] !== id || typeof pre[1] !== "number") continue;
      if (`${version.major}.${version.minor}.${version.patch}` === base && pre[1] > highest) highest = pre[1];
    }
    return highest + 1;
  }
  /** The highest tag that is an ancestor of HEAD, prereleases included. */
  highestReachable() {
    let best = null;
    for (const entry of this.parsed) {
      if (!entry.tag.reachable) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }
  /** The highest tag of the line major.minor. */
  highestOfLine(major, minor) {
    let best = null;
    for (const entry of this.parsed) {
      if (entry.version.major !== major || entry.version.minor !== minor) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }
};
function blockerOf(version, previous, tags) {
  if (previous !== null && !import_semver2.default.gt(version, previous.version)) return previous;
  const reached = tags.highestReachable();
  if (reached !== null && !import_semver2.default.gt(version, reached.version)) return reached;
  const top = tags.highestOfLine(import_semver2.default.major(version), import_semver2.default.minor(version));
  if (top !== null && !import_semver2.default.gt(version, top.version)) return top;
  return null;
}
function moveAbove(computed, bump, id, previous, tags) {
  const kind = bump === "none" ? "patch" : bump;
  let version = computed;
  let first = null;
  for (let blocker = blockerOf(version, previous, tags); blocker !== null; blocker = blockerOf(version, previous, tags)) {
    first ??= blocker;
    if (id === null) {
      version = import_semver2.default.inc(blocker.version, kind);
    } else {
      const base = coreOf(version);
      const blockerCore = coreOf(blocker.version);
      const nextBase = blocker.prerelease && import_semver2.default.gt(blockerCore, base) ? blockerCore : import_semver2.default.inc(import_semver2.default.gt(blockerCore, base) ? blockerCore : base, kind);
      version = `${nextBase}-${id}.${tags.nextNumber(nextBase, id)}`;
    }
  }
  return { version, blocker: first };
}
function bumpReason(analysis, bump, zeroMajor, previous, lastStable, version, initialVersion) {
  const deciding = analysis.decidingCommit;
  const why = deciding === null ? `The commits call for a ${bump} release` : `${deciding.reason} (commit ${short(deciding.sha)})`;
  const zero = zeroMajor ? bump === "minor" ? "; while the major version is 0 that bumps the minor" : "; major-zero-breaking is major" : "";
  if (lastStable === null) {
    const first = version === initialVersion ? ` (initial-version)` : "";
    return `${why}${zero} and no stable version tag is reachable from HEAD, so the first version is ${version}${first}.`;
  }
  return `${why}${zero}, so the version after ${previous?.version ?? lastStable} is ${version}.`;
}
function noReleaseReason(analysis, previousTag) {
  const since = previousTag === null ? "in the history" : `since ${previousTag}`;
  const read = analysis.commitsRead === 1 ? "1 commit read" : `${analysis.commitsRead} commits read`;
  return `No commit ${since} calls for a release under the rules in use (${read}).`;
}
function distance(from, to) {
  const diff = import_semver2.default.diff(from, to);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  return diff === null ? "none" : "patch";
}
function coreOf(version) {
  const parsed = import_semver2.default.parse(version);
  return `${parsed.major}.${parsed.minor}.${parsed.patch}`;
}
function short(sha) {
  return sha.slice(0, 7);
}
function checkInitialVersion(value) {
  const trimmed = value.trim();
  const parsed = PLAIN_VERSION.test(trimmed) ? import_semver2.default.parse(trimmed) : null;
  if (parsed === null || parsed.build.length > 0) {
    throw invalidInput("initial-version", value, "Expected a SemVer version such as `1.0.0` or `0.1.0`.");
  }
  return parsed.version;
}
function checkPrereleaseId(value) {
  if (value === null) return null;
  if (!PRERELEASE_ID.test(value) || /^\d+$/.test(value)) {
    throw invalidInput(
      "prerelease",
      value,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`."
    );
  }
  return value;
}
function checkBuildMetadata(value) {
  if (value === null) return null;
  if (!BUILD_METADATA.test(value)) {
    throw invalidInput(
      "build-metadata",
      value,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`."
    );
  }
  return value;
}
function parseBranchMap(text) {
  const map = /* @__PURE__ */ new Map();
  for (const { entry, line } of listEntries(text)) {
    const eq = entry.indexOf("=");
    const branch = eq === -1 ? "" : entry.slice(0, eq).trim();
    const id = eq === -1 ? "" : entry.slice(eq + 1).trim();
    const where = `On line ${line}`;
    if (branch === "" || /\s/.test(branch) || id === "") {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, expected branch=identifier entries separated by commas or newlines, such as \`next=rc, beta=beta\`.`
      );
    }
    if (!PRERELEASE_ID.test(id) || /^\d+$/.test(id)) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, "${id}" is not a prerelease identifier: use letters, digits and \`-\`, such as \`rc\` or \`beta\`.`
      );
    }
    const known = map.get(branch);
    if (known !== void 0 && known !== id) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, branch ${branch} is already mapped to ${known}.`
      );
    }
    map.set(branch, id);
  }
  return map;
}

// src/core/types.ts
var SQUASH_BULLETS = ["fallback", "always", "never"];

// src/settings.ts
var COMMANDS = ["version", "release", "deploy", "smoke", "rollback"];
var CLI_COMMANDS = [...COMMANDS, "demo"];
var ALL = COMMANDS;
var VERSIONING = ["version", "release"];
var OPTIONS = [
  {
    name: "command",
    description: "The job to run: `version`, `release`, `deploy`, `smoke` or `rollback`.",
    default: "version",
    commands: ALL,
    actionOnly: true
  },
  {
    name: "working-directory",
    description: "The git repository to read, relative to the workspace.",
    default: ".",
    commands: ALL,
    alias: "cwd"
  },
  {
    name: "tag-prefix",
    description: "What stands before the version in a tag name: `v` gives `v1.2.3`; `release/v` and `pkg@` work too.",
    default: "v",
    commands: VERSIONING
  },
  {
    name: "release-rules",
    description: "Overrides of the bump per commit type and optionally scope, one per line or comma-separated: `docs(readme)=patch`, `refactor=minor`, `chore=none`. Defaults: breaking = major, `feat` = minor, `fix` and `perf` = patch, others none.",
    commands: VERSIONING
  },
  {
    name: "squash-bullets",
    description: "How `* type: ...` bullets in a squash-merge body count: `fallback` (only when the title is not a Conventional Commit; a conventional title is the maintainers' decision), `always` (next to the title), or `never`. Breaking-change notes count wherever they are.",
    default: "fallback",
    commands: VERSIONING
  },
  {
    name: "initial-version",
    description: "The first version, when no tag of the prefix exists yet and a commit calls for a release.",
    default: "1.0.0",
    commands: VERSIONING
  },
  {
    name: "major-zero-breaking",
    description: "What a breaking change bumps while the major version is 0: `minor` (SemVer's 0.x convention) or `major`.",
    default: "minor",
    commands: VERSIONING
  },
  {
    name: "prerelease",
    description: "A prerelease identifier such as `rc`: gives `1.3.0-rc.1`, then `1.3.0-rc.2` while the stable base is unchanged.",
    commands: VERSIONING
  },
  {
    name: "prerelease-branches",
    description: "Branch-to-identifier map that picks the prerelease identifier from the current branch: `next=rc, beta=beta`.",
    commands: VERSIONING
  },
  {
    name: "build-metadata",
    description: "SemVer build metadata appended to the version and tag as `+<value>`.",
    commands: VERSIONING
  },
  {
    name: "fetch-history",
    description: "Deepen a shallow clone and fetch tags from `origin` before reading history (`git fetch --unshallow --tags`). With `false`, a shallow clone is an error.",
    default: "true",
    commands: VERSIONING,
    boolean: true
  },
  {
    name: "token",
    description: "The GitHub token for API calls. Needs `contents: write` to release. The CLI reads GITHUB_TOKEN from the environment instead.",
    actionDefault: "${{ github.token }}",
    commands: ["release", "deploy", "rollback"],
    actionOnly: true
  },
  {
    name: "repository",
    description: "The repository to release in, `owner/name`. In the action: the workflow's repository. In the CLI: set it (with GITHUB_TOKEN in the environment) to release on GitHub instead of tagging locally.",
    actionDefault: "${{ github.repository }}",
    commands: ["release", "deploy", "rollback"],
    alias: "repo"
  },
  {
    name: "dry-run",
    description: "Compute and report everything, write nothing.",
    default: "false",
    commands: ["release"],
    boolean: true
  },
  {
    name: "floating-tags",
    description: "Move floating tags to a stable release: `major` moves `v1`, `major-minor` moves `v1` and `v1.2`, `none` moves nothing. Only forward: a maintenance release of an older line leaves them.",
    default: "none",
    commands: ["release"]
  },
  {
    name: "push",
    description: "Push the new tag to `origin` (CLI, local mode).",
    default: "false",
    commands: ["release"],
    boolean: true,
    cliOnly: true
  },
  {
    name: "notes-file",
    description: "Write the release notes to this file instead of stdout (CLI, local mode).",
    commands: ["release"],
    cliOnly: true
  },
  {
    name: "environment",
    description: "The environment to deploy to, smoke-check or roll back (`production`, `staging`).",
    commands: ["deploy", "smoke", "rollback"]
  },
  {
    name: "version",
    description: "`deploy`: the version to deploy (`1.4.2` or `v1.4.2`); its tag must exist. `smoke`: the version `${SHIPGUARD_VERSION}` stands for in the checks.",
    commands: ["deploy", "smoke"]
  },
  {
    name: "ref",
    description: "`deploy`: a git ref (branch, tag or SHA) to deploy instead of a version; recorded by its SHA.",
    commands: ["deploy"]
  },
  {
    name: "strategy",
    description: "How to deploy: `command` (deploy-command), `workflow` (dispatch deploy-workflow and wait) or `symlink` (releases folder and an atomic `current` switch).",
    default: "command",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-command",
    description: '`command` strategy: the shell command that deploys. It gets SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT and SHIPGUARD_PREVIOUS_VERSION in its environment: use them as `"$SHIPGUARD_VERSION"`, never `${{ }}` in the string.',
    commands: ["deploy", "rollback"]
  },
  {
    name: "prepare-command",
    description: "Runs before the switch while the old version still serves (pull images, stage files), with the same variables. `symlink`: runs inside the new release folder.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-timeout-minutes",
    description: "How long a deploy (command, workflow run, restart) may take before it counts as failed.",
    default: "30",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-workflow",
    description: "`workflow` strategy: the workflow file to dispatch (`deploy-app.yml`). It receives the inputs `version`, `tag`, `sha`, `environment` and `correlation-id`, and should show the correlation id in its `run-name`.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "workflow-ref",
    description: "The branch or tag the dispatched workflows run on. Default: the repository's default branch.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "workflow-inputs",
    description: "`workflow` strategy: extra inputs for the deploy workflow, one `name=value` per line.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "release-source",
    description: "`symlink` strategy: the folder to copy into `releases-dir/<version>`; `${SHIPGUARD_VERSION}` is expanded (`build/${SHIPGUARD_VERSION}`).",
    commands: ["deploy", "rollback"]
  },
  {
    name: "releases-dir",
    description: "`symlink` strategy: where versions live side by side; `current` is a link next to it.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "current-link",
    description: "`symlink` strategy: the link switched atomically. Default: `current` next to releases-dir.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "keep-releases",
    description: "`symlink` strategy: how many releases to keep; the current and the last known good one are never deleted.",
    default: "3",
    commands: ["deploy", "rollback"]
  },
  {
    name: "restart-command",
    description: "`symlink` strategy: runs after the switch (restart or reload the service), with the same variables.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "checks",
    description: "Smoke checks, YAML: `settings:` and `checks:` (http, prometheus, command), or a bare list. See the README.",
    commands: ["deploy", "smoke", "rollback"]
  },
  {
    name: "checks-file",
    description: "A file holding the smoke checks, instead of `checks`.",
    commands: ["deploy", "smoke", "rollback"]
  },
  {
    name: "environment-url",
    description: "The URL of the deployed environment, shown on the deployment.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "on-failure",
    description: "`deploy`: what a failed deploy or failed checks do: `rollback` dispatches rollback-workflow to the last known good version (in the CLI: rolls back in the same process), `none` only fails.",
    default: "rollback",
    commands: ["deploy"]
  },
  {
    name: "rollback-workflow",
    description: "`deploy`: the workflow file in this repository that on-failure dispatches (it declares the rollback inputs).",
    default: "rollback.yml",
    commands: ["deploy"]
  },
  {
    name: "to-version",
    description: "`rollback`: the version to go back to. Default: the last known good version of the environment.",
    commands: ["rollback"]
  },
  {
    name: "from-version",
    description: "`rollback`: the version being rolled back from (informational; the dispatch fills it in).",
    commands: ["rollback"]
  },
  {
    name: "reason",
    description: "`rollback`: why (shown in the record and the incident report). Required for a manual rollback.",
    commands: ["rollback"]
  },
  {
    name: "correlation-id",
    description: "`deploy` and `rollback`: the id of this attempt; the same id twice does the work once.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "force",
    description: "`rollback`: allow a to-version that never deployed successfully in this environment.",
    default: "false",
    commands: ["rollback"],
    boolean: true
  },
  {
    name: "allow-migrations",
    description: "`rollback`: roll back even when files under migration-paths changed between the two versions.",
    default: "false",
    commands: ["rollback"],
    boolean: true
  },
  {
    name: "migration-paths",
    description: "`rollback`: globs of database migration files, one per line; a change there blocks an automatic rollback.",
    default: "migrations/**\ndb/migrate/**\n**/migrations/**",
    commands: ["rollback"]
  },
  {
    name: "before-rollback",
    description: "`rollback`: a command run before the rollback (maintenance mode, a backup), with the deploy variables.",
    commands: ["rollback"]
  },
  {
    name: "after-rollback",
    description: "`rollback`: a command run after the rollback (notify), with the deploy variables and SHIPGUARD_ROLLBACK_STATUS.",
    commands: ["rollback"]
  },
  {
    name: "ledger-file",
    description: "CLI: the local deployment ledger. Default: `.shipguard/deployments.jsonl` in the repository.",
    commands: ["deploy", "smoke", "rollback"],
    cliOnly: true
  },
  {
    name: "keep",
    description: "`demo`: leave the temporary folder (repository, ledger, releases, app log) for a look afterwards; the app server is stopped all the same.",
    default: "false",
    commands: ["demo"],
    boolean: true,
    cliOnly: true
  }
];
function optionsFor(command) {
  return OPTIONS.filter((o) => o.commands.includes(command) && o.name !== "command");
}
function raw(source, name) {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown option ${name}`);
  const value = source(name);
  if (value === void 0 || value.trim() === "") return spec.default ?? "";
  return value;
}
function parseBoolean(name, value) {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "1") return true;
  if (v === "false" || v === "no" || v === "0") return false;
  throw invalidInput(name, value, "Expected `true` or `false`.");
}
function isSquashBullets(value) {
  return SQUASH_BULLETS.includes(value);
}
function optional(value) {
  const v = value.trim();
  return v === "" ? null : v;
}
var PRERELEASE_ID2 = /^[0-9A-Za-z-]+$/;
var BUILD_METADATA2 = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
function readVersionSettings(source) {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  const initialVersion = raw(source, "initial-version").trim();
  if (import_semver3.default.valid(initialVersion) === null || initialVersion.startsWith("v")) {
    throw invalidInput(
      "initial-version",
      initialVersion,
      "Expected a SemVer version such as `1.0.0` or `0.1.0`."
    );
  }
  const squashBullets = raw(source, "squash-bullets").trim().toLowerCase();
  if (!isSquashBullets(squashBullets)) {
    throw invalidInput("squash-bullets", squashBullets, "Expected `fallback`, `always` or `never`.");
  }
  const majorZeroBreaking = raw(source, "major-zero-breaking").trim();
  if (majorZeroBreaking !== "minor" && majorZeroBreaking !== "major") {
    throw invalidInput("major-zero-breaking", majorZeroBreaking, "Expected `minor` or `major`.");
  }
  const prerelease = optional(raw(source, "prerelease"));
  if (prerelease !== null && (!PRERELEASE_ID2.test(prerelease) || /^\d+$/.test(prerelease))) {
    throw invalidInput(
      "prerelease",
      prerelease,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`."
    );
  }
  const buildMetadata = optional(raw(source, "build-metadata"));
  if (buildMetadata !== null && !BUILD_METADATA2.test(buildMetadata)) {
    throw invalidInput(
      "build-metadata",
      buildMetadata,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`."
    );
  }
  return {
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    releaseRules: parseReleaseRules(raw(source, "release-rules")),
    squashBullets,
    initialVersion,
    majorZeroBreaking,
    prerelease,
    prereleaseBranches: parseBranchMap(raw(source, "prerelease-branches")),
    buildMetadata,
    fetchHistory: parseBoolean("fetch-history", raw(source, "fetch-history"))
  };
}
var REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function readReleaseSettings(source) {
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  return {
    ...readVersionSettings(source),
    repository: repositoryOf(source),
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file"))
  };
}
var ENVIRONMENT = /^[^\x00-\x1f\x7f/\\]{1,255}$/;
var WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
var CORRELATION_ID = /^[A-Za-z0-9._-]+$/;
var CORRELATION_ID_MAX = 100;
var ROLLBACK_SUFFIX = "-rollback";
function environmentOf(source, required) {
  const value = optional(raw(source, "environment"));
  if (value === null) {
    if (!required) return null;
    throw invalidInput("environment", "", "Name the environment, such as `production` or `staging`.");
  }
  if (!ENVIRONMENT.test(value)) {
    throw invalidInput(
      "environment",
      value,
      "Expected at most 255 characters, without `/`, `\\` or control characters."
    );
  }
  return value;
}
function repositoryOf(source) {
  const repository = optional(raw(source, "repository"));
  if (repository === null) return null;
  const parsed = REPOSITORY.exec(repository);
  if (parsed === null)
    throw invalidInput("repository", repository, "Expected `owner/name`, such as `octo/app`.");
  return { owner: parsed[1], repo: parsed[2] };
}
function correlationIdOf(source, max = CORRELATION_ID_MAX) {
  const value = optional(raw(source, "correlation-id"));
  if (value !== null && (!CORRELATION_ID.test(value) || value.length > max)) {
    const why = max < CORRELATION_ID_MAX ? ` (its rollback runs as \`<id>${ROLLBACK_SUFFIX}\`)` : "";
    throw invalidInput(
      "correlation-id",
      value,
      `Expected up to ${max} letters, digits, \`.\`, \`_\` or \`-\`${why}.`
    );
  }
  return value;
}
function workflowFileOf(source, name) {
  const value = optional(raw(source, name));
  if (value !== null && !WORKFLOW_FILE.test(value)) {
    throw invalidInput(
      name,
      value,
      "Expected a workflow file name in .github/workflows/, such as `deploy.yml`."
    );
  }
  return value;
}
function positiveInteger(source, name, max) {
  const value = raw(source, name).trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw invalidInput(name, value, `Expected a whole number from 1 to ${max}.`);
  return n;
}
function keyValueLines(source, name) {
  const out = {};
  const lines = raw(source, name).split(/\r?\n/);
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return;
    const eq = text.indexOf("=");
    const key = eq <= 0 ? "" : text.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      throw invalidInput(name, text, `On line ${i + 1}, expected \`name=value\`.`);
    }
    out[key] = text.slice(eq + 1).trim();
  });
  return out;
}
function checksOf(source) {
  const inline = optional(raw(source, "checks"));
  const file = optional(raw(source, "checks-file"));
  if (inline !== null && file !== null) {
    throw invalidInput("checks-file", file, "Set either `checks` or `checks-file`, not both.");
  }
  return { inline: inline === null ? null : raw(source, "checks"), file };
}
function strategyOf(source) {
  const strategy = raw(source, "strategy").trim();
  if (strategy !== "command" && strategy !== "workflow" && strategy !== "symlink") {
    throw invalidInput("strategy", strategy, "Expected `command`, `workflow` or `symlink`.");
  }
  const settings = {
    strategy,
    deployCommand: optional(raw(source, "deploy-command")),
    prepareCommand: optional(raw(source, "prepare-command")),
    deployTimeoutMs: positiveInteger(source, "deploy-timeout-minutes", 24 * 60) * 6e4,
    deployWorkflow: workflowFileOf(source, "deploy-workflow"),
    workflowRef: optional(raw(source, "workflow-ref")),
    workflowInputs: keyValueLines(source, "workflow-inputs"),
    releaseSource: optional(raw(source, "release-source")),
    releasesDir: optional(raw(source, "releases-dir")),
    currentLink: optional(raw(source, "current-link")),
    keepReleases: positiveInteger(source, "keep-releases", 1e3),
    restartCommand: optional(raw(source, "restart-command"))
  };
  const need = (name, value) => {
    if (value === null) throw invalidInput(name, "", `The \`${strategy}\` strategy needs \`${name}\`.`);
  };
  if (strategy === "command") need("deploy-command", settings.deployCommand);
  if (strategy === "workflow") need("deploy-workflow", settings.deployWorkflow);
  if (strategy === "symlink") {
    need("release-source", settings.releaseSource);
    need("releases-dir", settings.releasesDir);
  }
  if (settings.workflowRef !== null) validateRefComponent(settings.workflowRef, "workflow-ref", "name");
  return settings;
}
function readDeploySettings(source) {
  const version = optional(raw(source, "version"));
  const ref = optional(raw(source, "ref"));
  if (version === null === (ref === null)) {
    throw invalidInput(
      version === null ? "version" : "ref",
      version ?? ref ?? "",
      "Set exactly one of `version` and `ref`."
    );
  }
  if (ref !== null) validateRefComponent(ref, "ref", "name");
  const onFailure = raw(source, "on-failure").trim();
  if (onFailure !== "rollback" && onFailure !== "none") {
    throw invalidInput("on-failure", onFailure, "Expected `rollback` or `none`.");
  }
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true),
    version: version === null ? null : version.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), ""),
    ref,
    checks: checksOf(source),
    environmentUrl: optional(raw(source, "environment-url")),
    onFailure,
    rollbackWorkflow: workflowFileOf(source, "rollback-workflow") ?? "rollback.yml",
    correlationId: correlationIdOf(source, CORRELATION_ID_MAX - ROLLBACK_SUFFIX.length),
    ledgerFile: optional(raw(source, "ledger-file"))
  };
}
function readSmokeSettings(source) {
  const checks = checksOf(source);
  if (checks.inline === null && checks.file === null) {
    throw invalidInput("checks", "", "Give the checks to run, in `checks` (YAML) or `checks-file`.");
  }
  return {
    workingDirectory: raw(source, "working-directory"),
    environment: environmentOf(source, false),
    version: optional(raw(source, "version")),
    checks
  };
}
function readRollbackSettings(source) {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  const toVersion = optional(raw(source, "to-version"));
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true),
    toVersion: toVersion === null ? null : toVersion.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), ""),
    fromVersion: optional(raw(source, "from-version")),
    reason: optional(raw(source, "reason")),
    correlationId: correlationIdOf(source),
    force: parseBoolean("force", raw(source, "force")),
    allowMigrations: parseBoolean("allow-migrations", raw(source, "allow-migrations")),
    migrationPaths: raw(source, "migration-paths").split(/\r?\n|,/).map((g) => g.trim()).filter((g) => g !== "" && !g.startsWith("#")),
    beforeRollback: optional(raw(source, "before-rollback")),
    afterRollback: optional(raw(source, "after-rollback")),
    checks: checksOf(source),
    environmentUrl: optional(raw(source, "environment-url")),
    ledgerFile: optional(raw(source, "ledger-file"))
  };
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export {
  GitCli,
  require_semver2 as require_semver,
  ruleFor,
  bumpFor,
  bumpRank,
  parseVersionTag,
  selectBaseline,
  decideVersion,
  COMMANDS,
  CLI_COMMANDS,
  optionsFor,
  parseBoolean,
  readVersionSettings,
  readReleaseSettings,
  ROLLBACK_SUFFIX,
  readDeploySettings,
  readSmokeSettings,
  readRollbackSettings
};
