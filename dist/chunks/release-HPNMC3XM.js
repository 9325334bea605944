import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  releaseEvents
} from "./chunk-VM5Y2HXH.js";
import "./chunk-XHKHA6W7.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-K5BSJCEJ.js";
import {
  MANIFESTS,
  REMOTE,
  computeVersion,
  computeVersions,
  entryOf,
  findNodeAtLocation,
  inPackage,
  maintenanceGlob,
  packageNames,
  packagesJson,
  packagesOutput,
  parseTOML,
  parseTree,
  printParseErrorCode,
  readManifest,
  rewriteRanges,
  versionJson,
  versionOutputs,
  versionSummary
} from "./chunk-5V5KT4YD.js";
import {
  eventContext,
  register
} from "./chunk-TJUSELP2.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  OUTPUT_LIMIT_BYTES
} from "./chunk-BCCI77KM.js";
import {
  parseVersionTag,
  readReleaseSettings,
  writesFiles
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import {
  require_dist
} from "./chunk-CRFJV3TF.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import {
  isShipguardError,
  refusal,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import {
  __commonJS,
  __toESM
} from "./chunk-A5QYGNMP.js";

// node_modules/xmlchars/xml/1.0/ed5.js
var require_ed5 = __commonJS({
  "node_modules/xmlchars/xml/1.0/ed5.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "	\n\r -\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= SPACE && c <= 55295 || c === NL || c === CR || c === TAB || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xml/1.1/ed2.js
var require_ed2 = __commonJS({
  "node_modules/xmlchars/xml/1.1/ed2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.RESTRICTED_CHAR = "-\b\v\f-\x7F-\x84\x86-\x9F";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= 1 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isRestrictedChar(c) {
      return c >= 1 && c <= 8 || c === 11 || c === 12 || c >= 14 && c <= 31 || c >= 127 && c <= 132 || c >= 134 && c <= 159;
    }
    exports.isRestrictedChar = isRestrictedChar;
    function isCharAndNotRestricted(c) {
      return c === 9 || c === 10 || c === 13 || c > 31 && c < 127 || c === 133 || c > 159 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isCharAndNotRestricted = isCharAndNotRestricted;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xmlns/1.0/ed3.js
var require_ed3 = __commonJS({
  "node_modules/xmlchars/xmlns/1.0/ed3.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NC_NAME_START_CHAR = "A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
    exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
    exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
    function isNCNameStartChar(c) {
      return c >= 65 && c <= 90 || c === 95 || c >= 97 && c <= 122 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8204 && c <= 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNCNameStartChar = isNCNameStartChar;
    function isNCNameChar(c) {
      return isNCNameStartChar(c) || (c === 45 || c === 46 || c >= 48 && c <= 57 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256);
    }
    exports.isNCNameChar = isNCNameChar;
  }
});

// node_modules/saxes/saxes.js
var require_saxes = __commonJS({
  "node_modules/saxes/saxes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SaxesParser = exports.EVENTS = void 0;
    var ed5 = require_ed5();
    var ed2 = require_ed2();
    var NSed3 = require_ed3();
    var isS = ed5.isS;
    var isChar10 = ed5.isChar;
    var isNameStartChar = ed5.isNameStartChar;
    var isNameChar = ed5.isNameChar;
    var S_LIST = ed5.S_LIST;
    var NAME_RE = ed5.NAME_RE;
    var isChar11 = ed2.isChar;
    var isNCNameStartChar = NSed3.isNCNameStartChar;
    var isNCNameChar = NSed3.isNCNameChar;
    var NC_NAME_RE = NSed3.NC_NAME_RE;
    var XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    var XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    var rootNS = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      xml: XML_NAMESPACE,
      xmlns: XMLNS_NAMESPACE
    };
    var XML_ENTITIES = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      amp: "&",
      gt: ">",
      lt: "<",
      quot: '"',
      apos: "'"
    };
    var EOC = -1;
    var NL_LIKE = -2;
    var S_BEGIN = 0;
    var S_BEGIN_WHITESPACE = 1;
    var S_DOCTYPE = 2;
    var S_DOCTYPE_QUOTE = 3;
    var S_DTD = 4;
    var S_DTD_QUOTED = 5;
    var S_DTD_OPEN_WAKA = 6;
    var S_DTD_OPEN_WAKA_BANG = 7;
    var S_DTD_COMMENT = 8;
    var S_DTD_COMMENT_ENDING = 9;
    var S_DTD_COMMENT_ENDED = 10;
    var S_DTD_PI = 11;
    var S_DTD_PI_ENDING = 12;
    var S_TEXT = 13;
    var S_ENTITY = 14;
    var S_OPEN_WAKA = 15;
    var S_OPEN_WAKA_BANG = 16;
    var S_COMMENT = 17;
    var S_COMMENT_ENDING = 18;
    var S_COMMENT_ENDED = 19;
    var S_CDATA = 20;
    var S_CDATA_ENDING = 21;
    var S_CDATA_ENDING_2 = 22;
    var S_PI_FIRST_CHAR = 23;
    var S_PI_REST = 24;
    var S_PI_BODY = 25;
    var S_PI_ENDING = 26;
    var S_XML_DECL_NAME_START = 27;
    var S_XML_DECL_NAME = 28;
    var S_XML_DECL_EQ = 29;
    var S_XML_DECL_VALUE_START = 30;
    var S_XML_DECL_VALUE = 31;
    var S_XML_DECL_SEPARATOR = 32;
    var S_XML_DECL_ENDING = 33;
    var S_OPEN_TAG = 34;
    var S_OPEN_TAG_SLASH = 35;
    var S_ATTRIB = 36;
    var S_ATTRIB_NAME = 37;
    var S_ATTRIB_NAME_SAW_WHITE = 38;
    var S_ATTRIB_VALUE = 39;
    var S_ATTRIB_VALUE_QUOTED = 40;
    var S_ATTRIB_VALUE_CLOSED = 41;
    var S_ATTRIB_VALUE_UNQUOTED = 42;
    var S_CLOSE_TAG = 43;
    var S_CLOSE_TAG_SAW_WHITE = 44;
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    var BANG = 33;
    var DQUOTE = 34;
    var AMP = 38;
    var SQUOTE = 39;
    var MINUS = 45;
    var FORWARD_SLASH = 47;
    var SEMICOLON = 59;
    var LESS = 60;
    var EQUAL = 61;
    var GREATER = 62;
    var QUESTION = 63;
    var OPEN_BRACKET = 91;
    var CLOSE_BRACKET = 93;
    var NEL = 133;
    var LS = 8232;
    var isQuote = (c) => c === DQUOTE || c === SQUOTE;
    var QUOTES = [DQUOTE, SQUOTE];
    var DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER];
    var DTD_TERMINATOR = [...QUOTES, LESS, CLOSE_BRACKET];
    var XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION, ...S_LIST];
    var ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER, AMP, LESS];
    function nsPairCheck(parser, prefix, uri) {
      switch (prefix) {
        case "xml":
          if (uri !== XML_NAMESPACE) {
            parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
          }
          break;
        case "xmlns":
          if (uri !== XMLNS_NAMESPACE) {
            parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
          }
          break;
        default:
      }
      switch (uri) {
        case XMLNS_NAMESPACE:
          parser.fail(prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
          break;
        case XML_NAMESPACE:
          switch (prefix) {
            case "xml":
              break;
            case "":
              parser.fail(`the default namespace may not be set to ${uri}.`);
              break;
            default:
              parser.fail("may not assign the xml namespace to another prefix.");
          }
          break;
        default:
      }
    }
    function nsMappingCheck(parser, mapping) {
      for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
      }
    }
    var isNCName = (name) => NC_NAME_RE.test(name);
    var isName = (name) => NAME_RE.test(name);
    var FORBIDDEN_START = 0;
    var FORBIDDEN_BRACKET = 1;
    var FORBIDDEN_BRACKET_BRACKET = 2;
    exports.EVENTS = [
      "xmldecl",
      "text",
      "processinginstruction",
      "doctype",
      "comment",
      "opentagstart",
      "attribute",
      "opentag",
      "closetag",
      "cdata",
      "error",
      "end",
      "ready"
    ];
    var EVENT_NAME_TO_HANDLER_NAME = {
      xmldecl: "xmldeclHandler",
      text: "textHandler",
      processinginstruction: "piHandler",
      doctype: "doctypeHandler",
      comment: "commentHandler",
      opentagstart: "openTagStartHandler",
      attribute: "attributeHandler",
      opentag: "openTagHandler",
      closetag: "closeTagHandler",
      cdata: "cdataHandler",
      error: "errorHandler",
      end: "endHandler",
      ready: "readyHandler"
    };
    var SaxesParser2 = class {
      /**
       * @param opt The parser options.
       */
      constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
          this.nameStartCheck = isNCNameStartChar;
          this.nameCheck = isNCNameChar;
          this.isName = isNCName;
          this.processAttribs = this.processAttribsNS;
          this.pushAttrib = this.pushAttribNS;
          this.ns = Object.assign({ __proto__: null }, rootNS);
          const additional = this.opt.additionalNamespaces;
          if (additional != null) {
            nsMappingCheck(this, additional);
            Object.assign(this.ns, additional);
          }
        } else {
          this.nameStartCheck = isNameStartChar;
          this.nameCheck = isNameChar;
          this.isName = isName;
          this.processAttribs = this.processAttribsPlain;
          this.pushAttrib = this.pushAttribPlain;
        }
        this.stateTable = [
          /* eslint-disable @typescript-eslint/unbound-method */
          this.sBegin,
          this.sBeginWhitespace,
          this.sDoctype,
          this.sDoctypeQuote,
          this.sDTD,
          this.sDTDQuoted,
          this.sDTDOpenWaka,
          this.sDTDOpenWakaBang,
          this.sDTDComment,
          this.sDTDCommentEnding,
          this.sDTDCommentEnded,
          this.sDTDPI,
          this.sDTDPIEnding,
          this.sText,
          this.sEntity,
          this.sOpenWaka,
          this.sOpenWakaBang,
          this.sComment,
          this.sCommentEnding,
          this.sCommentEnded,
          this.sCData,
          this.sCDataEnding,
          this.sCDataEnding2,
          this.sPIFirstChar,
          this.sPIRest,
          this.sPIBody,
          this.sPIEnding,
          this.sXMLDeclNameStart,
          this.sXMLDeclName,
          this.sXMLDeclEq,
          this.sXMLDeclValueStart,
          this.sXMLDeclValue,
          this.sXMLDeclSeparator,
          this.sXMLDeclEnding,
          this.sOpenTag,
          this.sOpenTagSlash,
          this.sAttrib,
          this.sAttribName,
          this.sAttribNameSawWhite,
          this.sAttribValue,
          this.sAttribValueQuoted,
          this.sAttribValueClosed,
          this.sAttribValueUnquoted,
          this.sCloseTag,
          this.sCloseTagSawWhite
          /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
      }
      /**
       * Indicates whether or not the parser is closed. If ``true``, wait for
       * the ``ready`` event to write again.
       */
      get closed() {
        return this._closed;
      }
      _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = void 0;
        this.forbiddenState = FORBIDDEN_START;
        this.attribList = [];
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT : S_BEGIN;
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot = this.sawRoot = fragmentOpt;
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = void 0;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === void 0) {
          if (this.opt.forceXMLVersion === true) {
            throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
          }
          defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
          version: void 0,
          encoding: void 0,
          standalone: void 0
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      /**
       * The stream position the parser is currently looking at. This field is
       * zero-based.
       *
       * This field is not based on counting Unicode characters but is to be
       * interpreted as a plain index into a JavaScript string.
       */
      get position() {
        return this.chunkPosition + this.i;
      }
      /**
       * The column number of the next character to be read by the parser.  *
       * This field is zero-based. (The first column in a line is 0.)
       *
       * This field reports the index at which the next character would be in the
       * line if the line were represented as a JavaScript string.  Note that this
       * *can* be different to a count based on the number of *Unicode characters*
       * due to how JavaScript handles astral plane characters.
       *
       * See [[column]] for a number that corresponds to a count of Unicode
       * characters.
       */
      get columnIndex() {
        return this.position - this.positionAtNewLine;
      }
      /**
       * Set an event listener on an event. The parser supports one handler per
       * event type. If you try to set an event handler over an existing handler,
       * the old handler is silently overwritten.
       *
       * @param name The event to listen to.
       *
       * @param handler The handler to set.
       */
      on(name, handler) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
      }
      /**
       * Unset an event handler.
       *
       * @parma name The event to stop listening to.
       */
      off(name) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = void 0;
      }
      /**
       * Make an error object. The error object will have a message that contains
       * the ``fileName`` option passed at the creation of the parser. If position
       * tracking was turned on, it will also have line and column number
       * information.
       *
       * @param message The message describing the error to report.
       *
       * @returns An error object with a properly formatted message.
       */
      makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
          if (msg.length > 0) {
            msg += ":";
          }
          msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
          msg += ": ";
        }
        return new Error(msg + message);
      }
      /**
       * Report a parsing error. This method is made public so that client code may
       * check for issues that are outside the scope of this project and can report
       * errors.
       *
       * @param message The error to report.
       *
       * @returns this
       */
      fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === void 0) {
          throw err;
        } else {
          handler(err);
        }
        return this;
      }
      /**
       * Write a XML data to the parser.
       *
       * @param chunk The XML data to write.
       *
       * @returns this
       */
      // We do need object for the type here. Yes, it often causes problems
      // but not in this case.
      write(chunk) {
        if (this.closed) {
          return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
          end = true;
          chunk = "";
        } else if (typeof chunk === "object") {
          chunk = chunk.toString();
        }
        if (this.carriedFromPrevious !== void 0) {
          chunk = `${this.carriedFromPrevious}${chunk}`;
          this.carriedFromPrevious = void 0;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end && // A trailing CR or surrogate must be carried over to the next
        // chunk.
        (lastCode === CR || lastCode >= 55296 && lastCode <= 56319)) {
          this.carriedFromPrevious = chunk[limit - 1];
          limit--;
          chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
          stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
      }
      /**
       * Close the current stream. Perform final well-formedness checks and reset
       * the parser tstate.
       *
       * @returns this
       */
      close() {
        return this.write(null);
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.0.
       *
       * @returns The character read.
       */
      getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code >= SPACE || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR:
              if (chunk.charCodeAt(i + 1) === NL) {
                this.i = i + 2;
              }
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.1.
       *
       * @returns {number} The character read.
       */
      getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code > 31 && code < 127 || code > 159 && code !== LS || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR: {
              const next = chunk.charCodeAt(i + 1);
              if (next === NL || next === NEL) {
                this.i = i + 2;
              }
            }
            /* yes, fall through */
            case NEL:
            // 0x85
            case LS:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Like ``getCode`` but with the return value normalized so that ``NL`` is
       * returned for ``NL_LIKE``.
       */
      getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE ? NL : c;
      }
      unget() {
        this.i = this.prevI;
        this.column--;
      }
      /**
       * Capture characters into a buffer until encountering one of a set of
       * characters.
       *
       * @param chars An array of codepoints. Encountering a character in the array
       * ends the capture. (``chars`` may safely contain ``NL``.)
       *
       * @return The character code that made the capture end, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          const c = this.getCode();
          const isNLLike = c === NL_LIKE;
          const final = isNLLike ? NL : c;
          if (final === EOC || chars.includes(final)) {
            this.text += chunk.slice(start, this.prevI);
            return final;
          }
          if (isNLLike) {
            this.text += `${chunk.slice(start, this.prevI)}
`;
            start = this.i;
          }
        }
      }
      /**
       * Capture characters into a buffer until encountering a character.
       *
       * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
       * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
       *
       * @return ``true`` if we ran into the character. Otherwise, we ran into the
       * end of the current chunk.
       */
      captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          let c = this.getCode();
          switch (c) {
            case NL_LIKE:
              this.text += `${chunk.slice(start, this.prevI)}
`;
              start = this.i;
              c = NL;
              break;
            case EOC:
              this.text += chunk.slice(start);
              return false;
            default:
          }
          if (c === char) {
            this.text += chunk.slice(start, this.prevI);
            return true;
          }
        }
      }
      /**
       * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
       * this parser.
       *
       * @return The character code that made the test fail, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureNameChars() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCode();
          if (c === EOC) {
            this.name += chunk.slice(start);
            return EOC;
          }
          if (!isNameChar(c)) {
            this.name += chunk.slice(start, this.prevI);
            return c === NL_LIKE ? NL : c;
          }
        }
      }
      /**
       * Skip white spaces.
       *
       * @return The character that ended the skip, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      skipSpaces() {
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC || !isS(c)) {
            return c;
          }
        }
      }
      setXMLVersion(version) {
        this.currentXMLVersion = version;
        if (version === "1.0") {
          this.isChar = isChar10;
          this.getCode = this.getCode10;
        } else {
          this.isChar = isChar11;
          this.getCode = this.getCode11;
        }
      }
      // STATE ENGINE METHODS
      // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
      // to be sure never to come back to this state later.
      sBegin() {
        if (this.chunk.charCodeAt(0) === 65279) {
          this.i++;
          this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
      }
      sBeginWhitespace() {
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
          this.xmlDeclPossible = false;
        }
        switch (c) {
          case LESS:
            this.state = S_OPEN_WAKA;
            if (this.text.length !== 0) {
              throw new Error("no-empty text at start");
            }
            break;
          case EOC:
            break;
          default:
            this.unget();
            this.state = S_TEXT;
            this.xmlDeclPossible = false;
        }
      }
      sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
          case GREATER: {
            (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            this.doctype = true;
            break;
          }
          case EOC:
            break;
          default:
            this.text += String.fromCodePoint(c);
            if (c === OPEN_BRACKET) {
              this.state = S_DTD;
            } else if (isQuote(c)) {
              this.state = S_DOCTYPE_QUOTE;
              this.q = c;
            }
        }
      }
      sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.q = null;
          this.state = S_DOCTYPE;
        }
      }
      sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
          return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET) {
          this.state = S_DOCTYPE;
        } else if (c === LESS) {
          this.state = S_DTD_OPEN_WAKA;
        } else if (isQuote(c)) {
          this.state = S_DTD_QUOTED;
          this.q = c;
        }
      }
      sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.state = S_DTD;
          this.q = null;
        }
      }
      sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
          case BANG:
            this.state = S_DTD_OPEN_WAKA_BANG;
            this.openWakaBang = "";
            break;
          case QUESTION:
            this.state = S_DTD_PI;
            break;
          default:
            this.state = S_DTD;
        }
      }
      sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
          this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
          this.openWakaBang = "";
        }
      }
      sDTDComment() {
        if (this.captureToChar(MINUS)) {
          this.text += "-";
          this.state = S_DTD_COMMENT_ENDING;
        }
      }
      sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
      }
      sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        } else {
          this.fail("malformed comment.");
          this.state = S_DTD_COMMENT;
        }
      }
      sDTDPI() {
        if (this.captureToChar(QUESTION)) {
          this.text += "?";
          this.state = S_DTD_PI_ENDING;
        }
      }
      sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        }
      }
      sText() {
        if (this.tags.length !== 0) {
          this.handleTextInRoot();
        } else {
          this.handleTextOutsideRoot();
        }
      }
      sEntity() {
        let { i: start } = this;
        const { chunk } = this;
        loop:
          while (true) {
            switch (this.getCode()) {
              case NL_LIKE:
                this.entity += `${chunk.slice(start, this.prevI)}
`;
                start = this.i;
                break;
              case SEMICOLON: {
                const { entityReturnState } = this;
                const entity = this.entity + chunk.slice(start, this.prevI);
                this.state = entityReturnState;
                let parsed;
                if (entity === "") {
                  this.fail("empty entity name.");
                  parsed = "&;";
                } else {
                  parsed = this.parseEntity(entity);
                  this.entity = "";
                }
                if (entityReturnState !== S_TEXT || this.textHandler !== void 0) {
                  this.text += parsed;
                }
                break loop;
              }
              case EOC:
                this.entity += chunk.slice(start);
                break loop;
              default:
            }
          }
      }
      sOpenWaka() {
        const c = this.getCode();
        if (isNameStartChar(c)) {
          this.state = S_OPEN_TAG;
          this.unget();
          this.xmlDeclPossible = false;
        } else {
          switch (c) {
            case FORWARD_SLASH:
              this.state = S_CLOSE_TAG;
              this.xmlDeclPossible = false;
              break;
            case BANG:
              this.state = S_OPEN_WAKA_BANG;
              this.openWakaBang = "";
              this.xmlDeclPossible = false;
              break;
            case QUESTION:
              this.state = S_PI_FIRST_CHAR;
              break;
            default:
              this.fail("disallowed character in tag name");
              this.state = S_TEXT;
              this.xmlDeclPossible = false;
          }
        }
      }
      sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
          case "[CDATA[":
            if (!this.sawRoot && !this.reportedTextBeforeRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextBeforeRoot = true;
            }
            if (this.closedRoot && !this.reportedTextAfterRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextAfterRoot = true;
            }
            this.state = S_CDATA;
            this.openWakaBang = "";
            break;
          case "--":
            this.state = S_COMMENT;
            this.openWakaBang = "";
            break;
          case "DOCTYPE":
            this.state = S_DOCTYPE;
            if (this.doctype || this.sawRoot) {
              this.fail("inappropriately located doctype declaration.");
            }
            this.openWakaBang = "";
            break;
          default:
            if (this.openWakaBang.length >= 7) {
              this.fail("incorrect syntax.");
            }
        }
      }
      sComment() {
        if (this.captureToChar(MINUS)) {
          this.state = S_COMMENT_ENDING;
        }
      }
      sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS) {
          this.state = S_COMMENT_ENDED;
          (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
          this.text = "";
        } else {
          this.text += `-${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        }
      }
      sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER) {
          this.fail("malformed comment.");
          this.text += `--${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        } else {
          this.state = S_TEXT;
        }
      }
      sCData() {
        if (this.captureToChar(CLOSE_BRACKET)) {
          this.state = S_CDATA_ENDING;
        }
      }
      sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET) {
          this.state = S_CDATA_ENDING_2;
        } else {
          this.text += `]${String.fromCodePoint(c)}`;
          this.state = S_CDATA;
        }
      }
      sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
          case GREATER: {
            (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            break;
          }
          case CLOSE_BRACKET:
            this.text += "]";
            break;
          default:
            this.text += `]]${String.fromCodePoint(c)}`;
            this.state = S_CDATA;
        }
      }
      // We need this separate state to check the first character fo the pi target
      // with this.nameStartCheck which allows less characters than this.nameCheck.
      sPIFirstChar() {
        const c = this.getCodeNorm();
        if (this.nameStartCheck(c)) {
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        } else if (c === QUESTION || isS(c)) {
          this.fail("processing instruction without a target.");
          this.state = c === QUESTION ? S_PI_ENDING : S_PI_BODY;
        } else {
          this.fail("disallowed character in processing instruction name.");
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        }
      }
      sPIRest() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC) {
            this.piTarget += chunk.slice(start);
            return;
          }
          if (!this.nameCheck(c)) {
            this.piTarget += chunk.slice(start, this.prevI);
            const isQuestion = c === QUESTION;
            if (isQuestion || isS(c)) {
              if (this.piTarget === "xml") {
                if (!this.xmlDeclPossible) {
                  this.fail("an XML declaration must be at the start of the document.");
                }
                this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
              } else {
                this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
              }
            } else {
              this.fail("disallowed character in processing instruction name.");
              this.piTarget += String.fromCodePoint(c);
            }
            break;
          }
        }
      }
      sPIBody() {
        if (this.text.length === 0) {
          const c = this.getCodeNorm();
          if (c === QUESTION) {
            this.state = S_PI_ENDING;
          } else if (!isS(c)) {
            this.text = String.fromCodePoint(c);
          }
        } else if (this.captureToChar(QUESTION)) {
          this.state = S_PI_ENDING;
        }
      }
      sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          const { piTarget } = this;
          if (piTarget.toLowerCase() === "xml") {
            this.fail("the XML declaration must appear at the start of the document.");
          }
          (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
            target: piTarget,
            body: this.text
          });
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else if (c === QUESTION) {
          this.text += "?";
        } else {
          this.text += `?${String.fromCodePoint(c)}`;
          this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
      }
      sXMLDeclNameStart() {
        const c = this.skipSpaces();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (c !== EOC) {
          this.state = S_XML_DECL_NAME;
          this.name = String.fromCodePoint(c);
        }
      }
      sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.name += this.text;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (!(isS(c) || c === EQUAL)) {
          return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
          switch (this.name.length) {
            case 0:
              this.fail("did not expect any more name/value pairs.");
              break;
            case 1:
              this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
              break;
            default:
              this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
          }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
      }
      sXMLDeclEq() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (c !== EQUAL) {
          this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
      }
      sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (!isQuote(c)) {
          this.fail("value must be quoted.");
          this.q = SPACE;
        } else {
          this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
      }
      sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION]);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (c === EOC) {
          return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
          case "version": {
            this.xmlDeclExpects = ["encoding", "standalone"];
            const version = value;
            this.xmlDecl.version = version;
            if (!/^1\.[0-9]+$/.test(version)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version);
            }
            break;
          }
          case "encoding":
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
              this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
            }
            this.xmlDeclExpects = ["standalone"];
            this.xmlDecl.encoding = value;
            break;
          case "standalone":
            if (value !== "yes" && value !== "no") {
              this.fail('standalone value must match "yes" or "no".');
            }
            this.xmlDeclExpects = [];
            this.xmlDecl.standalone = value;
            break;
          default:
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
      }
      sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (!isS(c)) {
          this.fail("whitespace required.");
          this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
      }
      sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          if (this.piTarget !== "xml") {
            this.fail("processing instructions are not allowed before root.");
          } else if (this.name !== "version" && this.xmlDeclExpects.includes("version")) {
            this.fail("XML declaration must contain a version.");
          }
          (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
          this.name = "";
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else {
          this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
      }
      sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
          return;
        }
        const tag = this.tag = {
          name: this.name,
          attributes: /* @__PURE__ */ Object.create(null)
        };
        this.name = "";
        if (this.xmlnsOpt) {
          this.topNS = tag.ns = /* @__PURE__ */ Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
          this.fail("documents may contain only one root.");
        }
        switch (c) {
          case GREATER:
            this.openTag();
            break;
          case FORWARD_SLASH:
            this.state = S_OPEN_TAG_SLASH;
            break;
          default:
            if (!isS(c)) {
              this.fail("disallowed character in tag name.");
            }
            this.state = S_ATTRIB;
        }
      }
      sOpenTagSlash() {
        if (this.getCode() === GREATER) {
          this.openSelfClosingTag();
        } else {
          this.fail("forward-slash in opening tag not followed by >.");
          this.state = S_ATTRIB;
        }
      }
      sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
          return;
        }
        if (isNameStartChar(c)) {
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
          this.state = S_ATTRIB_VALUE;
        } else if (isS(c)) {
          this.state = S_ATTRIB_NAME_SAW_WHITE;
        } else if (c === GREATER) {
          this.fail("attribute without value.");
          this.pushAttrib(this.name, this.name);
          this.name = this.text = "";
          this.openTag();
        } else if (c !== EOC) {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
          case EOC:
            return;
          case EQUAL:
            this.state = S_ATTRIB_VALUE;
            break;
          default:
            this.fail("attribute without value.");
            this.text = "";
            this.name = "";
            if (c === GREATER) {
              this.openTag();
            } else if (isNameStartChar(c)) {
              this.unget();
              this.state = S_ATTRIB_NAME;
            } else {
              this.fail("disallowed character in attribute name.");
              this.state = S_ATTRIB;
            }
        }
      }
      sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
          this.q = c;
          this.state = S_ATTRIB_VALUE_QUOTED;
        } else if (!isS(c)) {
          this.fail("unquoted attribute value.");
          this.state = S_ATTRIB_VALUE_UNQUOTED;
          this.unget();
        }
      }
      sAttribValueQuoted() {
        const { q, chunk } = this;
        let { i: start } = this;
        while (true) {
          switch (this.getCode()) {
            case q:
              this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
              this.name = this.text = "";
              this.q = null;
              this.state = S_ATTRIB_VALUE_CLOSED;
              return;
            case AMP:
              this.text += chunk.slice(start, this.prevI);
              this.state = S_ENTITY;
              this.entityReturnState = S_ATTRIB_VALUE_QUOTED;
              return;
            case NL:
            case NL_LIKE:
            case TAB:
              this.text += `${chunk.slice(start, this.prevI)} `;
              start = this.i;
              break;
            case LESS:
              this.text += chunk.slice(start, this.prevI);
              this.fail("disallowed character.");
              return;
            case EOC:
              this.text += chunk.slice(start);
              return;
            default:
          }
        }
      }
      sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
          this.state = S_ATTRIB;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else if (isNameStartChar(c)) {
          this.fail("no whitespace between attributes.");
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribValueUnquoted() {
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
          case AMP:
            this.state = S_ENTITY;
            this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
            break;
          case LESS:
            this.fail("disallowed character.");
            break;
          case EOC:
            break;
          default:
            if (this.text.includes("]]>")) {
              this.fail('the string "]]>" is disallowed in char data.');
            }
            this.pushAttrib(this.name, this.text);
            this.name = this.text = "";
            if (c === GREATER) {
              this.openTag();
            } else {
              this.state = S_ATTRIB;
            }
        }
      }
      sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER) {
          this.closeTag();
        } else if (isS(c)) {
          this.state = S_CLOSE_TAG_SAW_WHITE;
        } else if (c !== EOC) {
          this.fail("disallowed character in closing tag.");
        }
      }
      sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
          case GREATER:
            this.closeTag();
            break;
          case EOC:
            break;
          default:
            this.fail("disallowed character in closing tag.");
        }
      }
      // END OF STATE ENGINE METHODS
      handleTextInRoot() {
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        scanLoop:
          while (true) {
            switch (this.getCode()) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              case CLOSE_BRACKET:
                switch (forbiddenState) {
                  case FORBIDDEN_START:
                    forbiddenState = FORBIDDEN_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET:
                    forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET_BRACKET:
                    break;
                  default:
                    throw new Error("impossible state");
                }
                break;
              case GREATER:
                if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                  this.fail('the string "]]>" is disallowed in char data.');
                }
                forbiddenState = FORBIDDEN_START;
                break;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                forbiddenState = FORBIDDEN_START;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break scanLoop;
              default:
                forbiddenState = FORBIDDEN_START;
            }
          }
        this.forbiddenState = forbiddenState;
      }
      handleTextOutsideRoot() {
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        outRootLoop:
          while (true) {
            const code = this.getCode();
            switch (code) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                break outRootLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                nonSpace = true;
                break outRootLoop;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break outRootLoop;
              default:
                if (!isS(code)) {
                  nonSpace = true;
                }
            }
          }
        if (!nonSpace) {
          return;
        }
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextAfterRoot = true;
        }
      }
      pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr = { name, prefix, local, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
        if (prefix === "xmlns") {
          const trimmed = value.trim();
          if (this.currentXMLVersion === "1.0" && trimmed === "") {
            this.fail("invalid attempt to undefine prefix in XML 1.0");
          }
          this.topNS[local] = trimmed;
          nsPairCheck(this, local, trimmed);
        } else if (name === "xmlns") {
          const trimmed = value.trim();
          this.topNS[""] = trimmed;
          nsPairCheck(this, "", trimmed);
        }
      }
      pushAttribPlain(name, value) {
        var _a;
        const attr = { name, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
      }
      /**
       * End parsing. This performs final well-formedness checks and resets the
       * parser to a clean state.
       *
       * @returns this
       */
      end() {
        var _a, _b;
        if (!this.sawRoot) {
          this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
          const tag = tags.pop();
          this.fail(`unclosed tag: ${tag.name}`);
        }
        if (this.state !== S_BEGIN && this.state !== S_TEXT) {
          this.fail("unexpected end.");
        }
        const { text } = this;
        if (text.length !== 0) {
          (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text);
          this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
      }
      /**
       * Resolve a namespace prefix.
       *
       * @param prefix The prefix to resolve.
       *
       * @returns The namespace URI or ``undefined`` if the prefix is not defined.
       */
      resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== void 0) {
          return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
          uri = tags[index].ns[prefix];
          if (uri !== void 0) {
            return uri;
          }
        }
        uri = this.ns[prefix];
        if (uri !== void 0) {
          return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
      }
      /**
       * Parse a qname into its prefix and local name parts.
       *
       * @param name The name to parse
       *
       * @returns
       */
      qname(name) {
        const colon = name.indexOf(":");
        if (colon === -1) {
          return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
          this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
      }
      processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
          const { prefix, local } = this.qname(tag.name);
          tag.prefix = prefix;
          tag.local = local;
          const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
          if (prefix !== "") {
            if (prefix === "xmlns") {
              this.fail('tags may not have "xmlns" as prefix.');
            }
            if (uri === "") {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              tag.uri = prefix;
            }
          }
        }
        if (attribList.length === 0) {
          return;
        }
        const { attributes } = tag;
        const seen = /* @__PURE__ */ new Set();
        for (const attr of attribList) {
          const { name, prefix, local } = attr;
          let uri;
          let eqname;
          if (prefix === "") {
            uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
            eqname = name;
          } else {
            uri = this.resolve(prefix);
            if (uri === void 0) {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              uri = prefix;
            }
            eqname = `{${uri}}${local}`;
          }
          if (seen.has(eqname)) {
            this.fail(`duplicate attribute: ${eqname}.`);
          }
          seen.add(eqname);
          attr.uri = uri;
          attributes[name] = attr;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes[name] = value;
        }
        this.attribList = [];
      }
      /**
       * Handle a complete open tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onopentag``.
       */
      openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete self-closing tag. This parser code calls this once it has
       * seen the whole tag. This method checks for well-formeness and then emits
       * ``onopentag`` and ``onclosetag``.
       */
      openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
          this.closedRoot = true;
        }
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete close tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onclosetag``.
       */
      closeTag() {
        const { tags, name } = this;
        this.state = S_TEXT;
        this.name = "";
        if (name === "") {
          this.fail("weird empty close tag.");
          this.text += "</>";
          return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
          const tag = this.tag = tags.pop();
          this.topNS = tag.ns;
          handler === null || handler === void 0 ? void 0 : handler(tag);
          if (tag.name === name) {
            break;
          }
          this.fail("unexpected close tag.");
        }
        if (l === 0) {
          this.closedRoot = true;
        } else if (l < 0) {
          this.fail(`unmatched closing tag: ${name}.`);
          this.text += `</${name}>`;
        }
      }
      /**
       * Resolves an entity. Makes any necessary well-formedness checks.
       *
       * @param entity The entity to resolve.
       *
       * @returns The parsed entity.
       */
      parseEntity(entity) {
        if (entity[0] !== "#") {
          const defined = this.ENTITIES[entity];
          if (defined !== void 0) {
            return defined;
          }
          this.fail(this.isName(entity) ? "undefined entity." : "disallowed character in entity name.");
          return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
          num = parseInt(entity.slice(2), 16);
        } else if (/^#[0-9]+$/.test(entity)) {
          num = parseInt(entity.slice(1), 10);
        }
        if (!this.isChar(num)) {
          this.fail("malformed character entity.");
          return `&${entity};`;
        }
        return String.fromCodePoint(num);
      }
    };
    exports.SaxesParser = SaxesParser2;
  }
});

// src/registry/commands/release.ts
import { writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/commands/release.ts
import path2 from "node:path";

// src/steps/release-files.ts
import path from "node:path";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path4, added, removed, oldPosInc, options) {
    const last = path4.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path4.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path4.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry2) {
        return " " + entry2;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/core/changelog.ts
var CHANGELOG_TITLE = "# Changelog";
var VERSION_IN_TEXT = /(?<![0-9A-Za-z.])v?\d+\.\d+\.\d+(?![0-9A-Za-z])/;
function scan(text) {
  const out = [];
  let fence = null;
  let previous = null;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, end).replace(/\r?\n$/, "");
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceOpen !== null && fenceOpen[1].startsWith(fence.marker) && line.trim() === fenceOpen[1])
        fence = null;
      previous = null;
    } else if (fenceOpen !== null) {
      fence = { marker: fenceOpen[1], start };
      previous = null;
    } else {
      const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/.exec(line);
      const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
      if (atx !== null) {
        out.push({ start, level: atx[1].length, text: atx[2] ?? "", hashes: start + line.indexOf("#") });
      } else if (underline !== null && previous !== null) {
        out.push({
          start: previous.start,
          level: underline[1].startsWith("=") ? 1 : 2,
          text: previous.line,
          hashes: null
        });
      }
      const paragraph = atx === null && line.trim() !== "" && !/^ {0,3}([-*+>]|\d+[.)])(\s|$)/.test(line);
      previous = !paragraph ? null : previous === null ? { start, line: line.trim() } : { start: previous.start, line: `${previous.line} ${line.trim()}` };
    }
    start = end;
  }
  return { headings: out, unclosedFence: fence?.start ?? null };
}
var words = (heading) => heading.text.replace(/\]\([^)]*\)/g, "]");
function namesVersion(heading, version) {
  const escaped = version.replace(/[.+]/g, "\\$&");
  return new RegExp(`(?<![0-9A-Za-z.+-])v?${escaped}(?![0-9A-Za-z.+-]|\\.[0-9])`).test(words(heading));
}
function firstRelease(found) {
  let unreleased = null;
  for (const heading of found) {
    if (unreleased !== null && heading.level > unreleased) continue;
    unreleased = /^\[?unreleased\]?$/i.test(words(heading).trim()) ? heading.level : null;
    if (unreleased === null && (heading.level >= 2 || VERSION_IN_TEXT.test(words(heading)))) return heading;
  }
  return void 0;
}
function fitted(notes, version) {
  const found = scan(notes).headings;
  let out = notes;
  if (found.some((h) => h.level === 1)) {
    out = "";
    let at = 0;
    for (const heading of found) {
      if (heading.hashes === null || heading.level === 6) continue;
      out += `${notes.slice(at, heading.hashes)}#`;
      at = heading.hashes;
    }
    out += notes.slice(at);
  }
  return found.some((h) => namesVersion(h, version)) ? out : `## ${version}

${out}`;
}
function insertRelease(text, release) {
  const notes = fitted(release.notes.replace(/\r\n/g, "\n").replace(/\n*$/, "\n"), release.version);
  const bom = text?.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text === null ? "" : text.slice(bom.length);
  if (rest === "") return `${bom}${CHANGELOG_TITLE}

${notes}`;
  const { headings: found, unclosedFence } = scan(rest);
  if (found.some((h) => namesVersion(h, release.version))) return text;
  const eol = /^[^\n]*\r\n/.test(rest) ? "\r\n" : "\n";
  const section = firstRelease(found);
  const at = section?.start ?? unclosedFence ?? rest.length;
  const before = rest.slice(0, at);
  const lead = before === "" || /\n[ \t]*\r?\n$/.test(before) ? "" : before.endsWith("\n") ? eol : eol + eol;
  const trail = at === rest.length ? "" : eol;
  return `${bom}${before}${lead}${notes.replace(/\n/g, eol)}${trail}${rest.slice(at)}`;
}

// src/core/version-files/edit.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function versionFileUpdater(name, locate) {
  return (text, version, options = {}) => {
    if (!SEMVER.test(version)) {
      throw shipguardError("SG_INTERNAL", {
        detail: `a version file was asked to take ${JSON.stringify(version)}, which is not a SemVer version`
      });
    }
    const bom = text.charCodeAt(0) === 65279 ? 1 : 0;
    const body = text.slice(bom);
    const spans = [...locate(body, { file: options.file ?? name, options })].sort(
      (a, b) => a.start - b.start
    );
    let out = text.slice(0, bom);
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      out += body.slice(at, span.start) + version;
      at = span.end;
    }
    return out + body.slice(at);
  };
}
function fail(context, expected, problem) {
  throw shipguardError("SG_VERSION_FILE", { file: context.file, expected, problem });
}
function lineAt(text, offset) {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
function exactlyOne(candidates, lineOf, context, expected) {
  if (candidates.length === 0) fail(context, expected, { kind: "missing" });
  if (candidates.length > 1) fail(context, expected, { kind: "ambiguous", lines: candidates.map(lineOf) });
  return candidates[0];
}
function literalSpan(text, token, context, expected) {
  const span = { start: token.start + token.quote, end: token.end - token.quote };
  const raw = text.slice(span.start, span.end);
  if (raw !== token.value || raw === "" || /\s/.test(raw)) {
    fail(context, expected, {
      kind: "not-a-string",
      line: lineAt(text, token.start),
      found: shown(text.slice(token.start, token.end))
    });
  }
  return span;
}
function shown(source) {
  const one = source.replace(/\s+/g, " ").trim().replace(/`/g, "'");
  return one.length > 60 ? `\`${one.slice(0, 57)}...\`` : `\`${one}\``;
}

// src/core/version-files/toml.ts
function keyNames(key) {
  return key.keys.map((k) => k.type === "TOMLBare" ? k.name : k.value);
}
function collect(out, prefix, pairs) {
  for (const pair of pairs) {
    const path4 = [...prefix, ...keyNames(pair.key)];
    out.push({ path: path4, value: pair.value, line: pair.loc.start.line });
    if (pair.value.type === "TOMLInlineTable") collect(out, path4, pair.value.body);
  }
}
function tomlEntries(text, context, expected) {
  let ast;
  try {
    ast = parseTOML(text);
  } catch (error) {
    const e = error;
    const detail = e.message ?? String(error);
    fail(context, expected, { kind: "unparsable", format: "TOML", detail, line: e.lineNumber ?? 1 });
  }
  const out = [];
  for (const item of ast.body[0]?.body ?? []) {
    if (item.type === "TOMLKeyValue") collect(out, [], [item]);
    else collect(out, item.resolvedKey, item.body);
  }
  return out;
}
function manifestEntries(text, file, expected) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  return tomlEntries(body, { file, options: {} }, expected);
}
function stringAt(entries, path4) {
  const value = entriesAt(entries, path4)[0]?.value;
  return value?.type === "TOMLValue" && typeof value.value === "string" ? value.value : null;
}
var samePath = (a, b) => a.length === b.length && a.every((part, i) => part === b[i]);
function entriesAt(entries, path4) {
  return entries.filter((entry2) => samePath(entry2.path, path4));
}
function tomlString(text, entry2, context, expected) {
  const value = entry2.value;
  const [start, end] = value.range;
  if (value.type !== "TOMLValue" || value.kind !== "string") {
    fail(context, expected, { kind: "not-a-string", line: entry2.line, found: shown(text.slice(start, end)) });
  }
  return literalSpan(
    text,
    { start, end, quote: value.multiline ? 3 : 1, value: value.value },
    context,
    expected
  );
}

// src/core/version-files/cargo-lock.ts
function packageEntriesLocator(expectedFor2, sameName = (found, name) => found === name, counts = () => true) {
  return (text, context) => {
    const names = context.options.entries ?? [];
    if (names.length === 0) {
      throw shipguardError("SG_INTERNAL", { detail: `${context.file} was updated without a package name` });
    }
    const entries = tomlEntries(text, context, expectedFor2(names[0]));
    const packageIndex = (e) => e.path[0] === "package" ? e.path[1] : void 0;
    return names.map((name) => {
      const expected = expectedFor2(name);
      const named = entries.filter((e) => {
        const index2 = packageIndex(e);
        return typeof index2 === "number" && e.path.length === 3 && e.path[2] === "name" && e.value.type === "TOMLValue" && typeof e.value.value === "string" && sameName(e.value.value, name) && counts(entries, index2);
      });
      const index = packageIndex(exactlyOne(named, (e) => e.line, context, expected));
      const version = exactlyOne(
        entriesAt(entries, ["package", index, "version"]),
        (e) => e.line,
        context,
        expected
      );
      return tomlString(text, version, context, expected);
    });
  };
}
var locateCargoLock = packageEntriesLocator(
  (name) => `one [[package]] entry named ${JSON.stringify(name)} with a version`
);
var updateCargoLock = versionFileUpdater("Cargo.lock", locateCargoLock);

// src/core/version-files/cargo-toml.ts
var EXPECTED = "a [package].version or a [workspace.package].version string";
var locateCargoToml = (text, context) => {
  const entries = tomlEntries(text, context, EXPECTED);
  const own = entriesAt(entries, ["package", "version"]).filter((e) => e.value.type !== "TOMLInlineTable");
  const shared = entriesAt(entries, ["workspace", "package", "version"]);
  const candidates = [...own, ...shared];
  if (candidates.length > 0) {
    return [
      tomlString(
        text,
        exactlyOne(candidates, (e) => e.line, context, EXPECTED),
        context,
        EXPECTED
      )
    ];
  }
  const inherited = entriesAt(entries, ["package", "version", "workspace"]).find(
    (e) => e.value.type === "TOMLValue" && e.value.value === true
  );
  if (inherited !== void 0) {
    fail(context, EXPECTED, {
      kind: "elsewhere",
      line: inherited.line,
      source: "the workspace (version.workspace = true: the root Cargo.toml's [workspace.package].version)",
      instead: "list the workspace root's Cargo.toml in version-files"
    });
  }
  return fail(context, EXPECTED, { kind: "missing" });
};
var updateCargoToml = versionFileUpdater("Cargo.toml", locateCargoToml);
function cargoPackageName(text, file = "Cargo.toml") {
  return stringAt(manifestEntries(text, file, "a [package].name string"), ["package", "name"]);
}
function cargoWorkspaceMembers(text, file = "Cargo.toml") {
  const entries = manifestEntries(text, file, EXPECTED);
  if (entriesAt(entries, ["workspace", "package", "version"]).length === 0) return null;
  const strings = (key) => entriesAt(entries, ["workspace", key]).flatMap(
    (e) => e.value.type === "TOMLArray" ? e.value.elements.flatMap(
      (v) => v.type === "TOMLValue" && typeof v.value === "string" ? [v.value] : []
    ) : []
  );
  return { members: strings("members"), exclude: strings("exclude") };
}
function inheritsWorkspaceVersion(text, file = "Cargo.toml") {
  const entries = manifestEntries(text, file, "a Cargo.toml");
  return entriesAt(entries, ["package", "version", "workspace"]).some(
    (e) => e.value.type === "TOMLValue" && e.value.value === true
  );
}
function matchCargoMembers(workspace, files) {
  const pattern = (glob) => new RegExp(
    `^${glob.replace(/^\.\//, "").replace(/\/+$/, "").split("").map((c) => c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("")}$`
  );
  const members = workspace.members.map(pattern);
  const excluded = workspace.exclude.map(pattern);
  const folders = files.flatMap(
    (f) => f.endsWith("/Cargo.toml") ? [f.slice(0, -"/Cargo.toml".length)] : []
  );
  return folders.filter((d) => members.some((m) => m.test(d)) && !excluded.some((x) => x.test(d)));
}

// src/core/version-files/chart-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var expectedFor = (key) => `one top-level ${key} (a plain or quoted scalar)`;
function scalarSpan(text, node, context, expected) {
  const [start, end] = node.range;
  const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
  const span = { start: start + quote, end: end - quote };
  const raw = text.slice(span.start, span.end);
  const literal = quote === 1 ? raw === String(node.value) : node.type === "PLAIN" && raw === node.source;
  if (!literal || raw === "" || /[\s#]/.test(raw)) {
    fail(context, expected, {
      kind: "not-a-string",
      line: lineAt(text, start),
      found: shown(text.slice(start, end))
    });
  }
  return span;
}
var locateChartYaml = (text, context) => {
  const keys = context.options.chartAppVersion === true ? ["version", "appVersion"] : ["version"];
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: false, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error !== void 0) {
    const line = error.linePos?.[0].line ?? lineAt(text, error.pos[0]);
    const detail = error.message.split("\n")[0] ?? error.code;
    fail(context, expectedFor(keys[0]), { kind: "unparsable", format: "YAML", detail, line });
  }
  const pairs = (0, import_yaml.isMap)(doc.contents) ? doc.contents.items : [];
  return keys.map((key) => {
    const expected = expectedFor(key);
    const named = pairs.filter((pair2) => (0, import_yaml.isScalar)(pair2.key) && pair2.key.value === key);
    const keyLine = (pair2) => lineAt(text, pair2.key.range?.[0] ?? 0);
    const pair = exactlyOne(named, keyLine, context, expected);
    const value = pair.value;
    if (!(0, import_yaml.isScalar)(value) || !value.range) {
      const range = value?.range;
      const found = range === void 0 ? "no value" : shown(text.slice(range[0], range[1]));
      return fail(context, expected, { kind: "not-a-string", line: keyLine(pair), found });
    }
    return scalarSpan(text, value, context, expected);
  });
};
var updateChartYaml = versionFileUpdater("Chart.yaml", locateChartYaml);

// src/core/version-files/gradle-build.ts
var EXPECTED2 = 'one top-level version assignment (version = "1.2.3", outside every block)';
var OPERATOR = /[=!<>+\-*%&|^?:~]/;
var WORD = /[\p{L}\p{N}_$]/u;
function stringEnd(text, i, quote, triple) {
  if (triple) {
    const close2 = text.indexOf(quote.repeat(3), i + 3);
    return close2 === -1 ? text.length : close2 + 3;
  }
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
  return text[j] === quote ? j + 1 : j;
}
function skipBlank(text, i) {
  if (text.startsWith("//", i)) {
    const end = text.indexOf("\n", i);
    return { next: end === -1 ? text.length : end, newLine: false };
  }
  if (text.startsWith("/*", i)) {
    const end = text.indexOf("*/", i + 2);
    const next = end === -1 ? text.length : end + 2;
    return { next, newLine: text.slice(i, next).includes("\n") };
  }
  return { next: i + 1, newLine: text[i] === "\n" };
}
function tokenize2(text) {
  const tokens = [];
  let depth = 0;
  let first = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c) || text.startsWith("//", i) || text.startsWith("/*", i)) {
      const { next, newLine } = skipBlank(text, i);
      first ||= newLine;
      i = next;
      continue;
    }
    let end = i + 1;
    let kind = "punct";
    let computed = false;
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      end = stringEnd(text, i, c, triple);
      kind = "string";
      computed = triple || text.slice(i, end).includes("\\") || c === '"' && text.slice(i, end).includes("$");
    } else if (WORD.test(c)) {
      while (end < text.length && WORD.test(text[end])) end++;
      kind = "word";
    } else if (OPERATOR.test(c)) {
      while (end < text.length && OPERATOR.test(text[end])) end++;
    }
    if (c === "}" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
    tokens.push({ kind, start: i, end, text: text.slice(i, end), depth, first, computed });
    if (c === "{" || c === "(" || c === "[") depth++;
    first = c === ";";
    i = end;
  }
  return tokens;
}
var closedLiteral = (source) => source.length > 2 && source.at(-1) === source[0] && /^[^\s'"]+$/.test(source.slice(1, -1));
var locateGradleBuild = (text, context) => {
  const tokens = tokenize2(text);
  const statements = tokens.flatMap((token, i) => {
    if (token.kind !== "word" || token.text !== "version" || !token.first || token.depth !== 0) return [];
    const assigned = tokens[i + 1]?.text === "=";
    const value2 = tokens[i + (assigned ? 2 : 1)];
    if (!assigned && value2?.kind !== "string") return [];
    const after = tokens[i + (assigned ? 3 : 2)];
    const ends = after === void 0 || after.first || after.text === ";";
    return [{ token, value: value2, plain: value2?.kind === "string" && value2.computed !== true && ends }];
  });
  const found = exactlyOne(statements, (s) => lineAt(text, s.token.start), context, EXPECTED2);
  const value = found.value;
  if (!found.plain || value === void 0 || !closedLiteral(value.text)) {
    const lineEnd = text.indexOf("\n", found.token.start);
    const source = text.slice(found.token.start, lineEnd === -1 ? text.length : lineEnd);
    fail(context, EXPECTED2, {
      kind: "not-a-string",
      line: lineAt(text, found.token.start),
      found: shown(source)
    });
  }
  return [{ start: value.start + 1, end: value.end - 1 }];
};
var updateGradleBuild = versionFileUpdater("build.gradle", locateGradleBuild);

// src/core/version-files/gradle-properties.ts
var EXPECTED3 = "one version=\u2026 property";
function logicalLines(text) {
  const out = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let line = 1;
  let first = 1;
  let match;
  for (; ; ) {
    match = breaks.exec(text);
    const end = match === null ? text.length : match.index;
    const slashes = /\\*$/.exec(text.slice(start, end))[0].length;
    const blank = text.slice(start, end).trim() === "";
    const comment = /^[ \t\f]*[#!]/.test(text.slice(start, end));
    if (match === null || slashes % 2 === 0 || blank || comment) {
      out.push({ start, end, line: first });
      start = match === null ? end : match.index + match[0].length;
      first = line + 1;
    }
    if (match === null) return out;
    line++;
  }
}
function parseLine(text, start, end, line) {
  const source = text.slice(start, end);
  const lead = /^[ \t\f]*/.exec(source)[0].length;
  if (lead === source.length || source[lead] === "#" || source[lead] === "!") return null;
  let i = lead;
  let key = "";
  while (i < source.length && !/[=: \t\f]/.test(source[i])) {
    if (source[i] === "\\") {
      key += source[i + 1] ?? "";
      i += 2;
    } else key += source[i++];
  }
  const separator = /^[ \t\f]*[=:]?[ \t\f]*/.exec(source.slice(i))[0].length;
  return { key, line, value: { start: start + i + separator, end } };
}
var locateGradleProperties = (text, context) => {
  const properties = logicalLines(text).map(({ start, end, line }) => parseLine(text, start, end, line)).filter((p) => p?.key === "version");
  const property = exactlyOne(properties, (p) => p.line, context, EXPECTED3);
  const raw = text.slice(property.value.start, property.value.end);
  const token = raw.trimEnd();
  if (token === "" || /[\s\\]/.test(token)) {
    fail(context, EXPECTED3, { kind: "not-a-string", line: property.line, found: shown(raw) });
  }
  return [{ start: property.value.start, end: property.value.start + token.length }];
};
var updateGradleProperties = versionFileUpdater("gradle.properties", locateGradleProperties);

// src/core/version-files/marker.ts
var MARKER = "x-shipguard-version";
var EXPECTED4 = `a line carrying the marker ${MARKER} and one SemVer version`;
var SEMVER_IN_LINE = /(?<![0-9.])\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?![0-9]|\.[0-9])/g;
var locateMarkedLines = (text, context) => {
  const spans = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const source = text.slice(start, end);
    if (source.includes(MARKER)) {
      const found = [...source.matchAll(SEMVER_IN_LINE)];
      if (found.length === 0) fail(context, EXPECTED4, { kind: "unmarked", line });
      if (found.length > 1) fail(context, EXPECTED4, { kind: "ambiguous", lines: found.map(() => line) });
      const at = start + found[0].index;
      spans.push({ start: at, end: at + found[0][0].length });
    }
    if (newline === -1) break;
    start = newline + 1;
    line++;
  }
  if (spans.length === 0) fail(context, EXPECTED4, { kind: "missing" });
  return spans;
};
var updateMarkedLines = versionFileUpdater("the file", locateMarkedLines);

// src/core/version-files/json.ts
function parseJson(text, context, expected) {
  const errors = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== void 0 || root === void 0) {
    const offset = first?.offset ?? 0;
    const detail = first === void 0 ? "empty" : printParseErrorCode(first.error);
    fail(context, expected, { kind: "unparsable", format: "JSON", detail, line: lineAt(text, offset) });
  }
  return root;
}
function propertyValues(object, key) {
  if (object?.type !== "object") return [];
  return (object.children ?? []).flatMap((property) => {
    const [name, value] = property.children ?? [];
    return name?.value === key && value !== void 0 ? [value] : [];
  });
}
function versionOf(text, object, context, expected) {
  const value = exactlyOne(
    propertyValues(object, "version"),
    (n) => lineAt(text, n.offset),
    context,
    expected
  );
  const token = { start: value.offset, end: value.offset + value.length };
  if (value.type !== "string") {
    const found = shown(text.slice(token.start, token.end));
    fail(context, expected, { kind: "not-a-string", line: lineAt(text, value.offset), found });
  }
  return literalSpan(text, { ...token, quote: 1, value: value.value }, context, expected);
}

// src/core/version-files/package-json.ts
var EXPECTED5 = 'one "version" string at the top level of the JSON object';
var locatePackageJson = (text, context) => {
  const root = parseJson(text, context, EXPECTED5);
  return [versionOf(text, root, context, EXPECTED5)];
};
var updatePackageJson = versionFileUpdater("package.json", locatePackageJson);

// src/core/version-files/package-lock.ts
var ROOT_EXPECTED = `one top-level "version" string (the root package's version)`;
var entryExpected = (key) => `one "version" string in the entry packages[${JSON.stringify(key)}]`;
function entry(text, packages, key, context) {
  const expected = entryExpected(key);
  if (packages === void 0) fail(context, `${expected} (lockfile v2 or v3)`, { kind: "missing" });
  return exactlyOne(propertyValues(packages, key), (n) => lineAt(text, n.offset), context, expected);
}
var locatePackageLock = (text, context) => {
  const root = parseJson(text, context, ROOT_EXPECTED);
  const packagesNodes = propertyValues(root, "packages");
  const packages = packagesNodes.length === 0 ? void 0 : exactlyOne(packagesNodes, (n) => lineAt(text, n.offset), context, 'one "packages" object');
  const spans = [];
  for (const key of context.options.entries ?? [""]) {
    if (key === "") spans.push(versionOf(text, root, context, ROOT_EXPECTED));
    if (key !== "" || packages !== void 0) {
      spans.push(versionOf(text, entry(text, packages, key, context), context, entryExpected(key)));
    }
  }
  return spans;
};
var updatePackageLock = versionFileUpdater("package-lock.json", locatePackageLock);

// src/core/version-files/plain-version.ts
var EXPECTED6 = "the version as the file's only content";
var locatePlainVersion = (text, context) => {
  const token = text.trim();
  if (token === "") fail(context, EXPECTED6, { kind: "missing" });
  const start = text.indexOf(token);
  if (/\s/.test(token)) {
    const lines = token.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length > 1) {
      const first = lineAt(text, start);
      fail(context, EXPECTED6, { kind: "ambiguous", lines: lines.map((_, i) => first + i) });
    }
    fail(context, EXPECTED6, { kind: "not-a-string", line: lineAt(text, start), found: shown(token) });
  }
  const prefix = /^v\d/.test(token) ? 1 : 0;
  return [{ start: start + prefix, end: start + token.length }];
};
var updatePlainVersion = versionFileUpdater("VERSION", locatePlainVersion);

// src/core/version-files/pom-xml.ts
var import_saxes = __toESM(require_saxes(), 1);
var EXPECTED7 = "one <version> directly inside <project> (the project's own version)";
function read(text, context) {
  const found = { versions: [], parentVersionLine: null };
  const stack = [];
  const parser = new import_saxes.SaxesParser({ position: true });
  let failure = null;
  parser.on("error", (error) => {
    failure ??= { detail: error.message.replace(/^[^:]*:\d+:\d+: /, ""), line: parser.line };
  });
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    const path4 = stack.join("/");
    if (path4 === "project/version") {
      found.versions.push({ start: parser.position, line: parser.line, texts: [], empty: tag.isSelfClosing });
    } else if (path4 === "project/parent/version") found.parentVersionLine = parser.line;
  });
  parser.on("text", (t) => {
    if (stack.join("/") === "project/version") found.versions.at(-1)?.texts.push(t);
  });
  parser.on("cdata", (t) => {
    if (stack.join("/") === "project/version") found.versions.at(-1)?.texts.push(`<![CDATA[${t}]]>`);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  if (failure !== null) {
    const { detail, line } = failure;
    fail(context, EXPECTED7, { kind: "unparsable", format: "XML", detail, line });
  }
  return found;
}
var locatePomXml = (text, context) => {
  const found = read(text, context);
  if (found.versions.length === 0 && found.parentVersionLine !== null) {
    fail(context, EXPECTED7, {
      kind: "elsewhere",
      line: found.parentVersionLine,
      source: "the <parent> (a project without its own <version> inherits its parent's)",
      instead: "list the parent's pom.xml in version-files"
    });
  }
  const version = exactlyOne(found.versions, (v) => v.line, context, EXPECTED7);
  const close2 = text.indexOf("<", version.start);
  const raw = version.empty ? "" : text.slice(version.start, close2);
  const token = raw.trim();
  const start = version.start + raw.indexOf(token);
  const span = { start, end: start + token.length };
  const plain = !version.empty && text.startsWith("</", close2) && version.texts.join("").trim() === token;
  if (!plain || token === "" || /[\s&$<]/.test(token)) {
    const found2 = version.empty ? "an empty <version/>" : shown(`<version>${text.slice(version.start, text.indexOf("</", version.start))}</version>`);
    fail(context, EXPECTED7, { kind: "not-a-string", line: lineAt(text, version.start), found: found2 });
  }
  return [span];
};
var updatePomXml = versionFileUpdater("pom.xml", locatePomXml);

// src/core/version-files/pyproject-toml.ts
var EXPECTED8 = "a [project].version or a [tool.poetry].version string";
var locatePyproject = (text, context) => {
  const entries = tomlEntries(text, context, EXPECTED8);
  for (const path4 of [
    ["project", "version"],
    ["tool", "poetry", "version"]
  ]) {
    const found = entriesAt(entries, path4);
    if (found.length > 0) {
      const entry2 = exactlyOne(found, (e) => e.line, context, EXPECTED8);
      return [tomlString(text, entry2, context, EXPECTED8)];
    }
  }
  const dynamic = entriesAt(entries, ["project", "dynamic"]).find(
    (e) => e.value.type === "TOMLArray" && e.value.elements.some((v) => v.type === "TOMLValue" && v.value === "version")
  );
  if (dynamic !== void 0) {
    fail(context, EXPECTED8, {
      kind: "elsewhere",
      line: dynamic.line,
      source: 'the build backend ([project] dynamic = ["version"]: setuptools-scm, hatch-vcs and the like read it from the tag)',
      instead: "let the backend read the version from the tag shipguard creates"
    });
  }
  return fail(context, EXPECTED8, { kind: "missing" });
};
var updatePyproject = versionFileUpdater("pyproject.toml", locatePyproject);
function pyprojectName(text, file = "pyproject.toml") {
  return stringAt(manifestEntries(text, file, "a [project].name string"), ["project", "name"]);
}

// src/core/version-files/uv-lock.ts
var normalizedPythonName = (name) => name.toLowerCase().replace(/[-_.]+/g, "-");
var locateUvLock = packageEntriesLocator(
  (name) => `one [[package]] entry named ${JSON.stringify(normalizedPythonName(name))} with source = { editable = ... } or { virtual = ... }, and a version`,
  (found, name) => normalizedPythonName(found) === normalizedPythonName(name),
  (entries, index) => ["editable", "virtual"].some((kind) => entriesAt(entries, ["package", index, "source", kind]).length > 0)
);
var updateUvLock = versionFileUpdater("uv.lock", locateUvLock);

// src/core/version-files/index.ts
var BY_NAME = /* @__PURE__ */ new Map([
  ["package.json", updatePackageJson],
  ["package-lock.json", updatePackageLock],
  ["npm-shrinkwrap.json", updatePackageLock],
  ["pyproject.toml", updatePyproject],
  ["Cargo.toml", updateCargoToml],
  ["Cargo.lock", updateCargoLock],
  ["uv.lock", updateUvLock],
  ["Chart.yaml", updateChartYaml],
  ["pom.xml", updatePomXml],
  ["build.gradle", updateGradleBuild],
  ["build.gradle.kts", updateGradleBuild],
  ["gradle.properties", updateGradleProperties],
  ["VERSION", updatePlainVersion],
  ["version.txt", updatePlainVersion]
]);
var KNOWN_VERSION_FILES = [...BY_NAME.keys()];
function updaterFor(fileName) {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  const update = BY_NAME.get(base) ?? updateMarkedLines;
  return (text, version, options = {}) => update(text, version, { ...options, file: options.file ?? fileName });
}

// src/core/workspace-locks.ts
var import_yaml2 = __toESM(require_dist(), 1);
function npmRangesOf(before, after) {
  const key = before.packagePath;
  return after.dependencies.flatMap((d, i) => {
    const old = before.dependencies[i];
    return old === void 0 || old.range === d.range ? [] : [{ key, section: d.section, name: d.name, from: old.range, to: d.range }];
  });
}
function withLockRanges(text, ranges) {
  const tree = parseTree(text);
  if (tree === void 0) return text;
  const edits = ranges.flatMap((r) => {
    const node = findNodeAtLocation(tree, ["packages", r.key, r.section, r.name]);
    if (node?.type !== "string" || node.value !== r.from) return [];
    const start = node.offset + 1;
    const end = node.offset + node.length - 1;
    return text.slice(start, end) === r.from ? [{ start, end, to: r.to }] : [];
  });
  return spliced(text, edits);
}
function withPnpmRanges(text, ranges) {
  const doc = (0, import_yaml2.parseDocument)(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return text;
  const edits = ranges.flatMap((r) => {
    const node = doc.getIn(["importers", r.key, r.section, r.name], true);
    const specifier = (0, import_yaml2.isMap)(node) ? node.get("specifier", true) : void 0;
    if (!(0, import_yaml2.isScalar)(specifier) || specifier.value !== r.from || specifier.range == null) return [];
    const [start, end] = specifier.range;
    const source = text.slice(start, end);
    const inner = source === r.from ? 0 : source === `'${r.from}'` || source === `"${r.from}"` ? 1 : -1;
    return inner < 0 ? [] : [{ start: start + inner, end: end - inner, to: r.to }];
  });
  return spliced(text, edits);
}
function spliced(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, e.start)}${e.to}${out.slice(e.end)}`;
  return out;
}
var WORKSPACE_LOCKS = [
  ["package-lock.json", withLockRanges],
  ["pnpm-lock.yaml", withPnpmRanges]
];

// src/steps/release-files.ts
function releaseFilesRequest(settings, versions) {
  const monorepo = Array.isArray(versions);
  const list = monorepo ? versions : [versions];
  const releases = list.flatMap((v) => {
    if (!v.releaseNeeded || v.version === null) return [];
    const packagePath = monorepo ? v.path : ".";
    const own = monorepo ? settings.files.packages.get(packagePath) : settings.files.top;
    if (own === void 0 || !writesFiles(own)) return [];
    const setting = monorepo ? `packages.${JSON.stringify(packagePath)}` : "";
    return [
      {
        path: packagePath,
        version: v.version,
        notes: v.notes,
        files: own,
        setting: `${setting}${setting ? "." : ""}version-files`
      }
    ];
  });
  const dependents = monorepo && settings.bumpDependents && releases.length > 0 ? (settings.packages ?? []).map((p) => p.path) : [];
  return { commit: list[0]?.sha ?? "", releases, dependents };
}
function releaseWritesFiles(settings) {
  if (settings.packages === null) return writesFiles(settings.files.top);
  return [...settings.files.packages.values()].some(writesFiles);
}
async function releaseFileChanges(git, request) {
  const { commit, releases } = request;
  const wanted = /* @__PURE__ */ new Set();
  for (const r of releases) for (const f of filesOf(r)) wanted.add(f);
  for (const p of request.dependents) for (const m of MANIFESTS) wanted.add(inPackage(p, m.file));
  if (request.dependents.length > 0)
    for (const lock of [...WORKSPACE_LOCKS.map(([l]) => l), ROOT_CARGO]) wanted.add(lock);
  if (wanted.size === 0) return [];
  const stored = await git.readStoredFiles(commit, [...wanted]);
  const before = new Map([...stored].map(([file, s]) => [file, s?.text ?? null]));
  const after = /* @__PURE__ */ new Map();
  const text = (file) => {
    utf8Only(file, stored, commit);
    return after.get(file) ?? before.get(file) ?? null;
  };
  const versions = new Map(releases.map((r) => [r.path, r.version]));
  const manifests = request.dependents.flatMap(
    (p) => MANIFESTS.flatMap((m) => {
      const file = inPackage(p, m.file);
      const t = before.get(file);
      return t == null ? [] : [readManifest({ packagePath: p, file, kind: m.kind, text: t })];
    })
  );
  const names = packageNames(manifests);
  const lockRanges = [];
  for (const m of withWorkspaceDependencies(manifests, before.get(ROOT_CARGO) ?? null)) {
    const rewritten = rewriteRanges(m, versions, names);
    if (rewritten !== m.text) {
      utf8Only(m.file, stored, commit);
      after.set(m.file, rewritten);
      if (m.kind === "npm") lockRanges.push(...npmRangesOf(m, readManifest({ ...m, text: rewritten })));
    }
  }
  const members = await inheritingMembers(git, commit, releases, text);
  for (const r of releases) {
    for (const relative of r.files.versionFiles) {
      const file = inPackage(r.path, relative);
      const current = text(file);
      if (current === null)
        throw shipguardError("SG_VERSION_FILE_NOT_FOUND", { file, setting: r.setting, commit });
      after.set(file, updaterFor(file)(current, r.version, { chartAppVersion: r.files.chartAppVersion }));
      for (const lock of locksOf(file, current, members.get(file) ?? [])) {
        const lockText = text(lock.file);
        if (lockText !== null && lock.applies(lockText))
          after.set(lock.file, updaterFor(lock.file)(lockText, r.version, { entries: [lock.entry] }));
      }
    }
    if (r.files.changelogFile !== null) {
      const file = inPackage(r.path, r.files.changelogFile);
      after.set(file, insertRelease(text(file), { version: r.version, notes: r.notes }));
    }
  }
  for (const [lock, edit] of WORKSPACE_LOCKS) {
    const current = text(lock);
    if (lockRanges.length > 0 && current !== null) after.set(lock, edit(current, lockRanges));
  }
  return [...after].filter(([file, t]) => t !== (before.get(file) ?? null)).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([file, t]) => ({
    path: file,
    before: before.get(file) ?? null,
    after: t,
    mode: stored.get(file)?.mode === "100755" ? "100755" : "100644"
  }));
}
var ROOT_CARGO = "Cargo.toml";
function withWorkspaceDependencies(manifests, root) {
  const read2 = (m) => readManifest(m, { workspaceDependencies: true });
  const list = manifests.map((m) => m.file === ROOT_CARGO ? read2(m) : m);
  if (root === null || list.some((m) => m.file === ROOT_CARGO)) return list;
  const own = read2({ packagePath: ".", file: ROOT_CARGO, kind: "cargo", text: root });
  const shared = own.dependencies.filter((d) => d.section === "workspace.dependencies");
  return shared.length === 0 ? list : [...list, { ...own, dependencies: shared }];
}
async function inheritingMembers(git, commit, releases, text) {
  const found = /* @__PURE__ */ new Map();
  for (const file of releases.flatMap((r) => r.files.versionFiles.map((f) => inPackage(r.path, f)))) {
    const current = path.posix.basename(file) === "Cargo.toml" ? text(file) : null;
    const workspace = current === null ? null : cargoWorkspaceMembers(current, file);
    if (workspace === null || found.has(file)) continue;
    const dir = path.posix.dirname(file);
    const listed = (await git.filesUnder(commit, dir)).map(
      (f) => dir === "." ? f : f.slice(dir.length + 1)
    );
    const manifests = matchCargoMembers(workspace, listed).map((m) => inPackage(dir, `${m}/Cargo.toml`));
    const stored = await git.readStoredFiles(commit, manifests);
    const names = manifests.flatMap((m) => {
      const t = stored.get(m)?.text;
      const name = t == null || !inheritsWorkspaceVersion(t, m) ? null : cargoPackageName(t, m);
      return name === null ? [] : [name];
    });
    found.set(file, names);
  }
  return found;
}
function utf8Only(file, stored, commit) {
  const line = stored.get(file)?.notUtf8Line ?? null;
  if (line !== null) throw shipguardError("SG_FILE_NOT_UTF8", { file, line, commit });
}
function filesOf(r) {
  const files = r.files.versionFiles.map((f) => inPackage(r.path, f));
  const locks = files.flatMap((f) => {
    const dir = path.posix.dirname(f);
    const at = (name) => dir === "." ? name : `${dir}/${name}`;
    const base = path.posix.basename(f);
    if (base === "package.json")
      return [at("package-lock.json"), at("npm-shrinkwrap.json"), "package-lock.json"];
    if (base === "Cargo.toml") return [at("Cargo.lock"), "Cargo.lock", f];
    if (base === "pyproject.toml") return [at("uv.lock"), "uv.lock"];
    return [];
  });
  return [
    ...files,
    ...locks,
    ...r.files.changelogFile === null ? [] : [inPackage(r.path, r.files.changelogFile)]
  ];
}
function locksOf(file, text, members) {
  const dir = path.posix.dirname(file);
  const at = (name) => dir === "." ? name : `${dir}/${name}`;
  const base = path.posix.basename(file);
  const always = () => true;
  if (base === "package.json") {
    const locks = [
      { file: at("package-lock.json"), entry: "", applies: always },
      { file: at("npm-shrinkwrap.json"), entry: "", applies: always }
    ];
    if (dir !== ".")
      locks.push({ file: "package-lock.json", entry: dir, applies: (t) => hasLockEntry(t, dir) });
    return locks;
  }
  if (base === "Cargo.toml") {
    const own = readManifest({ packagePath: dir, file, kind: "cargo", text }).name;
    const lockFiles = dir === "." ? ["Cargo.lock"] : [at("Cargo.lock"), "Cargo.lock"];
    return [.../* @__PURE__ */ new Set([...own === null ? [] : [own], ...members])].flatMap(
      (name) => lockFiles.map((lock) => ({
        file: lock,
        entry: name,
        applies: (t) => t.includes(`name = "${name}"`)
      }))
    );
  }
  if (base === "pyproject.toml") {
    const name = pyprojectName(text, file);
    if (name === null) return [];
    const named = (t) => t.includes(`name = "${normalizedPythonName(name)}"`);
    return (dir === "." ? ["uv.lock"] : [at("uv.lock"), "uv.lock"]).map((lock) => ({
      file: lock,
      entry: name,
      applies: named
    }));
  }
  return [];
}
function hasLockEntry(text, key) {
  const tree = parseTree(text);
  return tree !== void 0 && findNodeAtLocation(tree, ["packages", key, "version"]) !== void 0;
}
function unifiedDiff(changes) {
  return changes.map(
    (c) => createTwoFilesPatch(
      c.before === null ? "/dev/null" : `a/${c.path}`,
      `b/${c.path}`,
      c.before ?? "",
      c.after,
      void 0,
      void 0,
      { context: 3 }
    ).replace(/^=+\n/, "")
  ).join("");
}
function releaseCommitMessage(released, monorepo) {
  const what = monorepo ? released.map((r) => r.tag).join(", ") : released[0]?.version ?? "";
  return `chore(release): ${what}`;
}

// src/steps/release-commit.ts
var PREFIX = "chore(release): ";
async function releaseCommitCandidate(git) {
  const head = await git.readCommit("HEAD");
  if (head === null || head.parents.length !== 1 || !head.message.startsWith(PREFIX)) return null;
  return { sha: head.sha, parent: head.parents[0], message: head.message.trim() };
}
function isReleaseCommitOf(candidate, released, monorepo) {
  return released.length > 0 && candidate.message === releaseCommitMessage(released, monorepo);
}
async function commitReleaseFiles(input, ports) {
  const parent = input.request.commit;
  const changes = await releaseFileChanges(ports.git, input.request);
  if (changes.length === 0) return null;
  const message = releaseCommitMessage(input.released, input.monorepo);
  const diff = unifiedDiff(changes);
  if (input.dryRun) return { message, changes, diff, sha: null, found: false };
  const branch = input.branch ?? await ports.git.currentBranch();
  if (branch === null) {
    throw shipguardError("SG_WORKTREE_CHANGED", {
      branch: "no branch",
      parent,
      problem: "HEAD is detached; the release commit goes on a branch."
    });
  }
  const { sha, found } = await ports.forge.commitFiles({
    branch,
    parent,
    message,
    files: changes,
    force: false
  });
  return found ? { message, changes: [], diff: "", sha, found } : { message, changes, diff, sha, found };
}

// src/steps/release-pr.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/core/release-pr.ts
var import_semver = __toESM(require_semver(), 1);
var PENDING_LABEL = "shipguard: pending";
var RELEASED_LABEL = "shipguard: released";
var BODY_LIMIT = 65536;
function releaseBranch(base) {
  return `shipguard/release/${base}`;
}
function proposalTitle(p) {
  const only = p.releases.length === 1 ? p.releases[0] : null;
  return only !== null && only.path === "." ? `chore(${p.base}): release ${only.version}` : `chore(${p.base}): release`;
}
var MARKER_START = "<!-- shipguard:release ";
var MARKER_END = " -->";
function proposalMarker(p) {
  const json = JSON.stringify({ v: 1, ...p }).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `${MARKER_START}${json}${MARKER_END}`;
}
function readProposal(body) {
  const start = body.lastIndexOf(MARKER_START);
  if (start < 0) return null;
  const end = body.indexOf(MARKER_END, start + MARKER_START.length);
  if (end < 0) return null;
  let data;
  try {
    data = JSON.parse(body.slice(start + MARKER_START.length, end));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { v, base, releases } = data;
  if (v !== 1 || typeof base !== "string" || !Array.isArray(releases) || releases.length === 0) return null;
  const read2 = releases.map(releaseOf);
  if (read2.some((r) => r === null)) return null;
  const paths = new Set(read2.map((r) => r.path));
  if (paths.size !== read2.length) return null;
  return { base, releases: read2 };
}
function releaseOf(value) {
  if (typeof value !== "object" || value === null) return null;
  const r = value;
  const strings = ["path", "component", "version", "tag", "notes"];
  if (strings.some((k) => typeof r[k] !== "string")) return null;
  if (r.previousTag !== null && typeof r.previousTag !== "string") return null;
  const version = r.version;
  if (import_semver.default.valid(version) !== version || !r.tag.endsWith(version)) return null;
  return {
    path: r.path,
    component: r.component,
    version,
    tag: r.tag,
    previousTag: r.previousTag ?? null,
    prerelease: import_semver.default.prerelease(version) !== null,
    notes: r.notes
  };
}
function tagMatches(release, prefix) {
  return parseVersionTag(release.tag, prefix)?.version === release.version;
}
var TRUNCATED = "\n\n_(shipguard shortened these notes to keep the pull request under GitHub's size limit; the release has them whole.)_\n";
function proposalBody(p, limit = BODY_LIMIT) {
  const fitted2 = fitMarker(p, limit);
  const marker = proposalMarker(fitted2);
  const intro = introOf(p);
  const room = limit - marker.length - intro.length - 16;
  const sections = p.releases.map((r) => sectionOf(p, r));
  const total = sections.reduce((n, s) => n + s.length, 0);
  const each = total <= room ? Number.POSITIVE_INFINITY : Math.floor(room / sections.length);
  const shown2 = sections.map(
    (s) => s.length <= each ? s : `${cutAt(s, each - TRUNCATED.length)}${TRUNCATED}`
  );
  return `${intro}${shown2.join("\n")}
${marker}
`;
}
function introOf(p) {
  const list = p.releases.length === 1 && p.releases[0].path === "." ? "" : `${p.releases.map((r) => `- \`${r.path}\`: ${r.previousTag === null ? "first release" : `\`${r.previousTag}\``} \u2192 \`${r.tag}\``).join("\n")}

`;
  return `:robot: shipguard release. Merging this pull request releases ${p.releases.length === 1 ? `\`${p.releases[0].tag}\`` : `${p.releases.length} packages`} on \`${p.base}\`: the tag${p.releases.length === 1 ? "" : "s"} and GitHub Release${p.releases.length === 1 ? "" : "s"} are made on the merged commit.

${list}---

`;
}
function sectionOf(p, r) {
  if (p.releases.length === 1 && r.path === ".") return `${r.notes.trimEnd()}
`;
  return `<details${p.releases.length <= 10 ? " open" : ""}><summary>${escapeHtml(r.component)} ${r.version}</summary>

${r.notes.trimEnd()}

</details>
`;
}
function fitMarker(p, limit) {
  const half = Math.floor(limit / 2);
  if (proposalMarker(p).length <= half) return p;
  const frame = proposalMarker({ ...p, releases: p.releases.map((r) => ({ ...r, notes: "" })) }).length;
  const each = Math.max(0, Math.floor((half - frame) / p.releases.length / 2) - TRUNCATED.length);
  return {
    ...p,
    releases: p.releases.map(
      (r) => r.notes.length <= each ? r : { ...r, notes: `${cutAt(r.notes, each)}${TRUNCATED}` }
    )
  };
}
function cutAt(text, max) {
  if (max <= 0) return "";
  let cut = text.slice(0, max);
  const line = cut.lastIndexOf("\n");
  if (line > max / 2) cut = cut.slice(0, line);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 55296 && last <= 56319 ? cut.slice(0, -1) : cut;
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function closingComment(base) {
  return `shipguard closed this pull request: nothing on \`${base}\` calls for a release any more (the commits that did were reverted, or released another way). A new one opens when a commit calls for a release.`;
}
function releasedComment(done, sha) {
  const list = done.map((d) => `- ${d.url === null ? `\`${d.tag}\`` : `[\`${d.tag}\`](${d.url})`}`).join("\n");
  return `:rocket: shipguard released this on ${sha}:

${list}
`;
}
function isReleaseBranchPull(pr, base) {
  return !pr.fromFork && pr.base === base && pr.head === releaseBranch(base);
}
function forkLookalikes(pulls, base) {
  return pulls.filter(
    (pr) => pr.fromFork && pr.merged && pr.base === base && pr.head === releaseBranch(base)
  );
}
function mergedProposals(pulls, base, labels = [PENDING_LABEL]) {
  const out = [];
  for (const pr of pulls) {
    if (!pr.merged || pr.mergeCommitSha === null) continue;
    if (!isReleaseBranchPull(pr, base)) continue;
    if (!labels.some((l) => pr.labels.includes(l))) continue;
    const proposal = readProposal(pr.body);
    if (proposal === null || proposal.base !== base) continue;
    if (out.some((o) => o.pr.number === pr.number)) continue;
    out.push({ pr, proposal });
  }
  return out.sort((a, b) => a.pr.number - b.pr.number);
}

// src/steps/release-pr.ts
async function baseBranchOf(git, branch) {
  const base = branch ?? await git.currentBranch();
  if (base === null) throw shipguardError("SG_RELEASE_PR_NO_BRANCH", {});
  return base;
}
function newReport(base, dryRun) {
  return {
    action: "none",
    number: null,
    url: null,
    branch: releaseBranch(base),
    base,
    commit: null,
    files: [],
    diff: "",
    dryRun,
    steps: []
  };
}
function portOf(forge) {
  if (forge.pullRequests === void 0) {
    throw shipguardError("SG_RELEASE_PR_NEEDS_GITHUB", {});
  }
  return forge.pullRequests;
}
async function findMergedProposal(ports, base, head, report) {
  const pulls = await portOf(ports.forge).forCommit(head);
  for (const fork of forkLookalikes(pulls, base).filter((pr) => pr.mergeCommitSha === head)) {
    const message = forkWarning(fork, head);
    ports.logger.warning(message);
    report.steps.push(message);
  }
  const found = mergedProposals(pulls, base, [PENDING_LABEL, RELEASED_LABEL]);
  return found.find((m) => m.pr.mergeCommitSha === head) ?? null;
}
function forkWarning(pr, head) {
  return `The pull request #${pr.number} (${pr.url}), merged as ${head}, comes from a fork, though its branch is named ${releaseBranch(pr.base)}: it is not shipguard's release pull request, so nothing was released from its label or its marker, and the versions are computed from the history as usual. shipguard only releases pull requests from this repository's own ${releaseBranch(pr.base)}; check what the merge brought in.`;
}
async function proposedVersions(merged, known, head, git, maintenanceBranches) {
  const { pr, proposal } = merged;
  const line = maintenanceGlob(proposal.base, maintenanceBranches) === null ? null : `the branch ${proposal.base}`;
  const out = /* @__PURE__ */ new Map();
  for (const r of proposal.releases) {
    const pkg = known.find((k) => k.path === r.path);
    const problem = pkg === void 0 ? `a release of \`${r.path}\`, which is not a configured package` : tagMatches(r, pkg.tagPrefix) ? null : `the tag \`${r.tag}\` for \`${r.path}\`, which is not its tag prefix \`${pkg.tagPrefix}\` followed by ${r.version}`;
    if (problem !== null || pkg === void 0) {
      throw shipguardError("SG_RELEASE_PR_PROPOSAL_INVALID", {
        number: pr.number,
        url: pr.url,
        problem: problem ?? ""
      });
    }
    const tags = await git.listTags(`${pkg.tagPrefix}*`);
    out.set(r.path, { ...versionOfProposal(r, pkg, head, tags), maintenanceLine: line });
  }
  return out;
}
function versionOfProposal(r, pkg, head, tags) {
  const existing = tags.map((t) => ({ name: t.name, parsed: parseVersionTag(t.name, pkg.tagPrefix) })).filter((t) => t.parsed !== null).map((t) => ({ name: t.name, version: t.parsed.version, prerelease: t.parsed.prerelease })).sort((a, b) => import_semver2.default.rcompare(a.version, b.version));
  const previous = r.previousTag === null ? null : parseVersionTag(r.previousTag, pkg.tagPrefix);
  const bump = previous === null ? "minor" : bumpBetween(previous.version, r.version);
  return {
    version: r.version,
    previousVersion: previous?.version ?? null,
    tag: r.tag,
    previousTag: r.previousTag,
    bump,
    releaseNeeded: true,
    prerelease: r.prerelease,
    commitCount: 0,
    notes: r.notes,
    sha: head,
    reason: `The merged release pull request proposed ${r.tag}.`,
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: existing,
    tagsAtHead: tags.filter((t) => t.sha === head).map((t) => t.name),
    maintenanceLine: null,
    path: pkg.path,
    component: r.component === "" ? pkg.component : r.component,
    tagPrefix: pkg.tagPrefix
  };
}
function bumpBetween(from, to) {
  const d = import_semver2.default.diff(from, to);
  return d === "major" || d === "premajor" ? "major" : d === "minor" || d === "preminor" ? "minor" : "patch";
}
function notProposed(k, head) {
  return {
    version: null,
    previousVersion: null,
    tag: null,
    previousTag: null,
    bump: "none",
    releaseNeeded: false,
    prerelease: false,
    commitCount: 0,
    notes: "",
    sha: head,
    reason: "The merged release pull request proposed no release of this package.",
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: [],
    tagsAtHead: [],
    maintenanceLine: null,
    ...k
  };
}
function emptyAnalysis() {
  return {
    commitsRead: 0,
    commitCount: 0,
    mergeCount: 0,
    countsByType: {},
    bump: "none",
    decidingCommit: null,
    breaking: false,
    releaseAs: null,
    cancelledCount: 0,
    notes: [],
    notesDropped: 0,
    warnings: []
  };
}
async function settleMerged(pr, results, tagsCreated, ports, report) {
  const pulls = portOf(ports.forge);
  report.action = "released";
  report.number = pr.number;
  report.url = pr.url;
  const done = results.filter((r) => r.released);
  if (done.length < results.length) {
    report.steps.push(
      `Kept the label \`${PENDING_LABEL}\` on #${pr.number}: not every release is whole yet.`
    );
    return false;
  }
  if (pr.labels.includes(PENDING_LABEL) || !pr.labels.includes(RELEASED_LABEL)) {
    await pulls.setLabels(pr.number, { add: [RELEASED_LABEL], remove: [PENDING_LABEL] });
    report.steps.push(`Labelled #${pr.number} \`${RELEASED_LABEL}\`.`);
  }
  if (tagsCreated) {
    const list = done.map((r) => ({ tag: r.version.tag ?? "", url: r.release?.url ?? null }));
    await pulls.comment(pr.number, releasedComment(list, results[0]?.version.sha ?? ""));
    report.steps.push(`Commented on #${pr.number} with the releases.`);
  }
  return true;
}
async function propose(versions, head, files, ports, report) {
  const pulls = portOf(ports.forge);
  const worthy = versions.filter((v) => v.releaseNeeded && v.version !== null && v.tag !== null);
  if (report.base.startsWith(releaseBranch(""))) {
    report.steps.push(`${report.base} is a release pull request's branch: nothing is proposed from it.`);
    return;
  }
  if (report.dryRun) {
    if (worthy.length === 0) {
      report.steps.push(`Dry run: would close an open release pull request from ${report.branch}, if any.`);
      return;
    }
    const changes2 = await files(worthy);
    report.files = changes2.map((c) => c.path);
    report.diff = unifiedDiff(changes2);
    const title2 = proposalTitle({ base: report.base, releases: worthy.map(proposedOf) });
    report.steps.push(
      `Dry run: would commit ${changes2.length} file(s) on ${report.branch} on top of ${head} and open or update its pull request to ${report.base}, titled "${title2}", proposing ${worthy.map((v) => v.tag).join(", ")}.`
    );
    return;
  }
  const open = await pulls.findOpen(report.branch, report.base);
  if (worthy.length === 0) {
    if (open !== null) await close(pulls, open, report);
    else report.steps.push("Nothing release-worthy, and no release pull request is open.");
    return;
  }
  const proposal = { base: report.base, releases: worthy.map(proposedOf) };
  const title = proposalTitle(proposal);
  const body = proposalBody(proposal);
  const changes = await files(worthy);
  if (changes.length === 0) {
    const message = `The files of ${worthy.map((v) => v.tag).join(", ")} are already on ${report.base}, but no merged release pull request labelled \`${PENDING_LABEL}\` proposes them: they were set by hand, or the label was removed from the merged pull request. Nothing is proposed; put the label back on that pull request and re-run, or tag the release by hand.`;
    ports.logger.warning(message);
    report.steps.push(message);
    return;
  }
  const commit = await ports.forge.commitFiles({
    branch: report.branch,
    parent: head,
    message: `${title}

${worthy.map((v) => `- ${v.tag}`).join("\n")}
`,
    files: changes,
    force: true
  });
  report.commit = commit.sha;
  report.files = changes.map((c) => c.path);
  report.steps.push(
    `Committed ${changes.length} file(s) as ${commit.sha} on ${report.branch}, on top of ${head}.`
  );
  const pr = open === null ? await openOrAdopt(pulls, report, title, body) : await refresh(pulls, open, title, body, report);
  report.number = pr.number;
  report.url = pr.url;
  if (!pr.labels.includes(PENDING_LABEL)) {
    await pulls.setLabels(pr.number, { add: [PENDING_LABEL], remove: [] });
    report.steps.push(`Labelled #${pr.number} \`${PENDING_LABEL}\`.`);
  }
}
function proposedOf(v) {
  const p = v;
  return {
    path: p.path ?? ".",
    component: p.component ?? "",
    version: v.version,
    tag: v.tag,
    previousTag: v.previousTag,
    prerelease: v.prerelease,
    notes: v.notes
  };
}
async function openOrAdopt(pulls, report, title, body) {
  try {
    const pr = await pulls.create({ head: report.branch, base: report.base, title, body });
    report.action = "opened";
    report.steps.push(`Opened the release pull request #${pr.number} (${pr.url}).`);
    return pr;
  } catch (error) {
    const again = await pulls.findOpen(report.branch, report.base).catch(() => null);
    if (again === null) throw error;
    return refresh(pulls, again, title, body, report);
  }
}
async function refresh(pulls, pr, title, body, report) {
  if (pr.title === title && pr.body === body) {
    report.action = "unchanged";
    report.steps.push(
      `The release pull request #${pr.number} already proposes this: its branch moved to the new commit.`
    );
    return pr;
  }
  const updated = await pulls.update(pr.number, { title, body });
  report.action = "updated";
  report.steps.push(`Updated the release pull request #${pr.number} (${pr.url}).`);
  return { ...updated, labels: pr.labels };
}
async function close(pulls, pr, report) {
  await pulls.comment(pr.number, closingComment(report.base));
  await pulls.update(pr.number, { state: "closed" });
  report.action = "closed";
  report.number = pr.number;
  report.url = pr.url;
  report.steps.push(`Closed the release pull request #${pr.number}: nothing release-worthy is left.`);
}

// src/steps/release-pr-missed.ts
var MERGED_LIMIT = 20;
async function findMissedProposals(ports, base, head, headPr, report, deepen) {
  const pulls = ports.forge.pullRequests;
  if (pulls === void 0) return { missed: [], releasedTags: [] };
  const listed = await pulls.listMerged(releaseBranch(base), base, MERGED_LIMIT);
  const pending = mergedProposals(listed, base).filter(
    (m) => m.pr.number !== headPr && m.pr.mergeCommitSha !== head
  );
  const released = mergedProposals(listed, base, [RELEASED_LABEL]).at(-1);
  const releasedTags = released?.proposal.releases.map((r) => r.tag) ?? [];
  const absent = new Set(await absentCommits(ports, pending, deepen));
  const missed = [];
  for (const m of pending) {
    const sha = m.pr.mergeCommitSha;
    if (!absent.has(sha) && await ports.git.isAncestor(sha, head)) {
      report.steps.push(
        `The release pull request #${m.pr.number} was merged as ${sha} and is not released yet (its own run was cancelled or never ran): releasing it on that commit.`
      );
      missed.push(m);
      continue;
    }
    const message = notReachable(m.pr, head, base);
    ports.logger.warning(message);
    report.steps.push(message);
  }
  return { missed, releasedTags };
}
async function absentCommits(ports, pending, deepen) {
  if (pending.length === 0) return [];
  const shas = pending.map((m) => m.pr.mergeCommitSha);
  const absent = await ports.git.missingCommits(shas);
  if (absent.length === 0 || !deepen) return absent;
  ports.logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
  try {
    await ports.git.fetchHistoryAndTags(REMOTE, true);
  } catch (error) {
    ports.logger.debug(`Fetching history failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ports.git.missingCommits(shas);
}
function notReachable(pr, head, base) {
  return `The merged release pull request #${pr.number} (${pr.url}) is labelled pending, but its merge commit ${pr.mergeCommitSha} is not in the history of ${head} on ${base} (another branch's history, or a force-push dropped it): not released. Release it from a run on that commit, or remove its label \`shipguard: pending\`.`;
}
async function releaseEachMissed(missed, release) {
  let last = null;
  let whole = true;
  for (const m of missed) {
    const done = await release(m);
    last = done.outcome;
    whole &&= done.whole;
  }
  return last === null ? null : { outcome: last, whole };
}
async function haveTags(git, logger, tags, report) {
  const lacking = async () => {
    const found = await Promise.all(tags.map((t) => git.tagCommit(t)));
    return tags.filter((_, i) => found[i] === null);
  };
  if (tags.length === 0 || (await lacking()).length === 0) return true;
  try {
    await git.fetchHistoryAndTags(REMOTE, false);
  } catch (error) {
    logger.debug(`Fetching tags failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const still = await lacking();
  if (still.length === 0) {
    report.steps.push(`Fetched the tags ${tags.join(", ")} from ${REMOTE}.`);
    return true;
  }
  const message = `The clone lacks ${still.join(", ")}, made on GitHub, and fetching tags from ${REMOTE} did not bring them: check out with \`fetch-depth: 0\` and credentials that may fetch.`;
  logger.warning(message);
  report.steps.push(message);
  return false;
}

// src/steps/write-release.ts
var import_semver3 = __toESM(require_semver(), 1);
function newReleaseResult(version, dryRun, where) {
  return {
    version,
    released: false,
    madeNow: false,
    tagCreated: false,
    superseded: false,
    dryRun,
    tagSha: null,
    release: null,
    floatingTags: [],
    steps: [],
    where,
    files: null
  };
}
async function writeRelease(result, target, ports) {
  const { forge, logger } = ports;
  const { version, steps } = result;
  if (!version.releaseNeeded || version.tag === null || version.version === null) {
    steps.push("No release needed: nothing written.");
    return;
  }
  const { tag } = version;
  const sha = target.sha ?? version.sha;
  const floating = floatingTagsFor(target, version);
  const makeLatest = target.mayBeLatest && isHighestStable(version);
  if (result.dryRun) {
    const on = result.files !== null && result.files.sha === null ? "the release commit" : sha;
    steps.push(...wouldDo(forge, { ...version, sha: on }, target.title, floating, makeLatest));
    return;
  }
  let existing = await forge.tagCommit(tag);
  let createdNow = false;
  if (existing === null) {
    if (await forge.createTag(tag, sha, version.notes) === "created") {
      createdNow = true;
      existing = sha;
    } else {
      existing = await forge.tagCommit(tag);
    }
  }
  if (existing === null) {
    throw shipguardError("SG_TAG_UNREADABLE", { tag, where: forge.describe });
  }
  result.tagSha = existing;
  if (existing !== sha) {
    result.superseded = true;
    const message = `Superseded: ${tag} already exists on ${existing}, not on the analysed commit ${sha}. Another run released this version first; nothing was created. The next run on this branch computes the version after it.`;
    logger.warning(message);
    steps.push(message);
    return;
  }
  steps.push(
    createdNow ? `Created the tag ${tag} on ${sha}.` : `The tag ${tag} already points at ${sha}: kept.`
  );
  result.madeNow = createdNow;
  result.tagCreated = createdNow;
  if (!createdNow && await shareExistingTag(forge, logger, tag, sha, result) === "conflict") return;
  if (forge.releases) {
    let release = createdNow ? null : await forge.releases.find(tag);
    if (release === null) {
      release = await forge.releases.createDraft({
        tag,
        name: target.title,
        body: version.notes,
        prerelease: version.prerelease
      });
      steps.push(`Created the draft release ${release.url}.`);
    } else {
      steps.push(`Found the ${release.draft ? "draft " : ""}release ${release.url}.`);
    }
    if (release.draft) release = await publishDraft(forge.releases, logger, release, makeLatest, result);
    result.release = release;
  }
  result.released = true;
  for (const f of floating) {
    const moved = await forge.moveTag(f, sha);
    result.floatingTags.push(f);
    steps.push(
      moved === "moved" ? `Moved the floating tag ${f} to ${sha}.` : `The floating tag ${f} already points at ${sha}: kept.`
    );
  }
}
function wouldDo(forge, version, title, floating, makeLatest) {
  const { tag, sha } = version;
  const steps = [`Would create the tag ${tag} on ${sha} in ${forge.describe}.`];
  if (forge.releases) {
    const named = title === tag ? "" : ` titled "${title}"`;
    steps.push(
      `Would create and publish the release ${tag}${named}${version.prerelease ? " as a prerelease" : ""}${latestText(makeLatest, version, ", marked latest")}.`
    );
  }
  for (const f of floating) steps.push(`Would move the floating tag ${f} to ${sha}.`);
  return steps;
}
async function publishDraft(releases, logger, draft, makeLatest, result) {
  const { steps } = result;
  const outcome = await releases.publish(draft, { makeLatest });
  if (outcome.state === "published") {
    steps.push(
      `Published ${outcome.release.url}${latestText(makeLatest, result.version, " as the latest release")}.`
    );
    result.madeNow = true;
    return outcome.release;
  }
  try {
    await releases.deleteDraft(draft);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; deleted this run's draft ${draft.url}.`
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    logger.warning(`Could not delete this run's redundant draft release ${draft.url}: ${detail}`);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; this run's draft ${draft.url} could not be deleted: delete it by hand.`
    );
  }
  return outcome.by;
}
async function shareExistingTag(forge, logger, tag, sha, result) {
  const shared = await forge.shareTag?.(tag, sha);
  if (shared?.state === "pushed") {
    result.steps.push(`Pushed the tag ${tag} to ${shared.where}.`);
    result.madeNow = true;
  }
  if (shared?.state !== "conflict") return "shared";
  result.superseded = true;
  const message = `Not pushed: ${shared.where} has ${tag} on ${shared.remoteSha ?? "another commit"}, not on ${sha} as here. Another run released this version there first; delete the local tag (git tag -d ${tag}) so this clone agrees with ${shared.where}.`;
  logger.warning(message);
  result.steps.push(message);
  return "conflict";
}
function latestText(makeLatest, v, latest) {
  if (makeLatest) return latest;
  return v.maintenanceLine === null ? "" : `, not marked latest (maintenance line ${v.maintenanceLine})`;
}
function isHighestStable(v) {
  if (v.version === null || v.prerelease || v.maintenanceLine !== null) return false;
  const mine = v.version;
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || import_semver3.default.gt(mine, t.version));
}
function floatingTagsFor(target, v) {
  if (target.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = import_semver3.default.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions.filter((t) => !t.prerelease && t.name !== v.tag).map((t) => import_semver3.default.parse(t.version));
  const tags = [];
  if (stable.every((o) => o.major !== parsed.major || import_semver3.default.gt(parsed, o)))
    tags.push(`${target.tagPrefix}${parsed.major}`);
  if (target.floatingTags === "major-minor" && stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || import_semver3.default.gt(parsed, o))) {
    tags.push(`${target.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
}

// src/commands/release.ts
async function runReleaseCommand(settings, ports, context) {
  if (settings.releaseMode === "pull-request") return runPullRequestMode(settings, ports, context);
  if (settings.packages === null)
    return { kind: "single", result: await runRelease(settings, ports, context), pullRequest: null };
  return { kind: "packages", result: await runPackagesRelease(settings, ports, context), pullRequest: null };
}
async function runPullRequestMode(settings, ports, context) {
  const base = await baseBranchOf(ports.git, context.branch);
  const report = newReport(base, settings.dryRun);
  const clone = await ports.git.inspect();
  const head = clone?.head ?? null;
  const name = context.repository?.repo ?? path2.basename(clone?.topLevel ?? ".");
  const known = (settings.packages ?? [{ path: ".", component: null, tagPrefix: settings.tagPrefix }]).map((p) => ({ path: p.path, component: p.component ?? name, tagPrefix: p.tagPrefix }));
  const merged = settings.dryRun || head === null ? null : await findMergedProposal(ports, base, head, report);
  const deepen = (clone?.shallow ?? false) && settings.fetchHistory;
  const found = settings.dryRun || head === null ? { missed: [], releasedTags: [] } : await findMissedProposals(ports, base, head, merged?.pr.number ?? null, report, deepen);
  const caught = await releaseEachMissed(
    found.missed,
    (m) => releaseMerged(settings, ports, known, m, m.pr.mergeCommitSha, report)
  );
  if (merged !== null && head !== null) {
    report.steps.push(`HEAD ${head} is the merge of the release pull request #${merged.pr.number}.`);
    return (await releaseMerged(settings, ports, known, merged, head, report)).outcome;
  }
  if (caught !== null && !caught.whole) {
    report.steps.push("Nothing is proposed until the merged release pull request's releases are whole.");
    return caught.outcome;
  }
  const tags = [...found.releasedTags, ...found.missed.flatMap((m) => m.proposal.releases.map((r) => r.tag))];
  const synced = await haveTags(ports.git, ports.logger, tags, report);
  if (!synced && caught !== null) {
    report.steps.push("Nothing is proposed by this run: the next run proposes what is new.");
    return caught.outcome;
  }
  const proposal = caught === null ? report : newReport(base, settings.dryRun);
  const outcome = await proposeFromHead(settings, ports, context, proposal);
  if (caught === null) return outcome;
  report.steps.push(...proposal.steps);
  report.commit = proposal.commit;
  report.files = proposal.files;
  return caught.outcome;
}
async function releaseMerged(settings, ports, known, merged, sha, report) {
  const proposed = await proposedVersions(merged, known, sha, ports.git, settings.maintenanceBranches);
  const outcome = await releaseProposed(settings, ports, known, proposed, sha);
  const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
  const written = results.filter((r) => r.version.releaseNeeded);
  const created = written.some((r) => r.tagCreated);
  const whole = await settleMerged(merged.pr, written, created, ports, report);
  return { outcome: { ...outcome, pullRequest: report }, whole };
}
async function proposeFromHead(settings, ports, context, report) {
  const files = (versions2) => releaseFileChanges(
    ports.git,
    releaseFilesRequest(
      settings,
      settings.packages === null ? versions2[0] : versions2
    )
  );
  if (settings.packages === null) {
    const version = await computeVersion(settings, ports, context);
    await propose([version], version.sha, files, ports, report);
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    return { kind: "single", result, pullRequest: report };
  }
  const versions = await computeVersions(settings, ports, context);
  await propose(versions.packages, versions.sha, files, ports, report);
  const releases = versions.packages.map((v) => ({
    ...newReleaseResult(v, settings.dryRun, ports.forge.describe),
    failure: null
  }));
  const where = ports.forge.describe;
  return {
    kind: "packages",
    result: { versions, releases, dryRun: settings.dryRun, where, files: null, steps: [] },
    pullRequest: report
  };
}
async function releaseProposed(settings, ports, known, proposed, head) {
  if (settings.packages === null) {
    const version = proposed.get(".");
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    const target = {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true
    };
    await writeRelease(result, target, ports);
    return { kind: "single", result, pullRequest: null };
  }
  const packages = known.map((k) => proposed.get(k.path) ?? notProposed(k, head));
  const versions = { packages, sha: head, warnings: [], commitsRead: 0 };
  return { kind: "packages", result: await releaseEach(settings, ports, versions, null), pullRequest: null };
}
async function runRelease(settings, ports, context) {
  const found = await foundReleaseCommit(
    settings,
    ports,
    (at) => computeVersion(settings, ports, context, { at }),
    (v) => [v]
  );
  const version = found?.result ?? await headVersion(settings, ports, context);
  const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
  result.files = found?.files ?? await releaseCommit(settings, ports, context, version, false);
  noteFiles(result.files, result.steps, settings.dryRun);
  await writeRelease(
    result,
    {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true,
      ...result.files?.sha ? { sha: result.files.sha } : {}
    },
    ports
  );
  return result;
}
async function headVersion(settings, ports, context) {
  const version = await computeVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    const before = await computeVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) return before;
  }
  return version;
}
async function foundReleaseCommit(settings, ports, decide, listOf) {
  if (!releaseWritesFiles(settings)) return null;
  const candidate = await releaseCommitCandidate(ports.git);
  if (candidate === null) return null;
  const result = await decide({ commit: candidate.parent, ignoreTagsOn: candidate.sha });
  const released = releasedOf(listOf(result));
  if (!isReleaseCommitOf(candidate, released, settings.packages !== null)) return null;
  const files = { message: candidate.message, changes: [], diff: "", sha: candidate.sha, found: true };
  return { result, files };
}
function releaseCommit(settings, ports, context, versions, monorepo) {
  const request = releaseFilesRequest(settings, versions);
  const list = Array.isArray(versions) ? versions : [versions];
  const released = releasedOf(list);
  if (released.length === 0 || !releaseWritesFiles(settings)) return Promise.resolve(null);
  return commitReleaseFiles(
    { request, branch: context.branch, released, monorepo, dryRun: settings.dryRun },
    ports
  );
}
function releasedOf(versions) {
  return versions.flatMap(
    (v) => v.releaseNeeded && v.version !== null && v.tag !== null ? [{ version: v.version, tag: v.tag }] : []
  );
}
function noteFiles(files, steps, dryRun) {
  if (files === null) return;
  const count = `${files.changes.length} file${files.changes.length === 1 ? "" : "s"}`;
  if (files.found)
    steps.push(`Found the release commit ${files.sha} ("${files.message}") an earlier run made: tagging it.`);
  else if (dryRun)
    steps.push(
      `Would commit ${count} as "${files.message}" on top of the analysed commit, then tag that commit.`
    );
  else steps.push(`Committed ${count} as "${files.message}": ${files.sha}.`);
}
async function runPackagesRelease(settings, ports, context) {
  const found = await foundReleaseCommit(
    settings,
    ports,
    (at) => computeVersions(settings, ports, context, { at }),
    (v) => v.packages
  );
  const versions = found?.result ?? await finishingVersions(settings, ports, context);
  const files = found?.files ?? await releaseCommit(settings, ports, context, versions.packages, true);
  return releaseEach(settings, ports, versions, files);
}
async function releaseEach(settings, ports, versions, files) {
  const latest = settings.latestPackage ?? ".";
  const releases = [];
  for (const version of versions.packages) {
    const result = {
      ...newReleaseResult(version, settings.dryRun, ports.forge.describe),
      // The one release commit, shared: each package's tag goes on it.
      files: version.releaseNeeded ? files : null,
      failure: null
    };
    releases.push(result);
    try {
      await writeRelease(
        result,
        {
          title: version.version === null ? "" : `${version.component} ${version.version}`,
          tagPrefix: version.tagPrefix,
          floatingTags: settings.floatingTags,
          mayBeLatest: version.path === latest,
          ...files?.sha ? { sha: files.sha } : {}
        },
        ports
      );
    } catch (error) {
      const failure = failureOf(error);
      result.failure = failure;
      ports.logger.warning(`${version.path}: the release of ${version.tag} stopped: ${failure.message}`);
      result.steps.push(`Stopped: ${failure.code}: ${failure.message}`);
    }
  }
  const steps = [];
  noteFiles(files, steps, settings.dryRun);
  return { versions, releases, dryRun: settings.dryRun, where: ports.forge.describe, files, steps };
}
async function finishingVersions(settings, ports, context) {
  const versions = await computeVersions(settings, ports, context);
  const tagged = versions.packages.filter((p) => !p.releaseNeeded && p.tagsAtHead.length > 0);
  if (tagged.length === 0) return versions;
  const paths = tagged.map((p) => p.path);
  const before = await computeVersions(settings, ports, context, {
    ignoreTagsAtHead: new Set(paths),
    ...settings.bumpDependents ? {} : { only: paths }
  });
  const earlier = new Map(before.packages.map((p) => [p.path, p]));
  const packages = versions.packages.map((p) => {
    const b = earlier.get(p.path);
    return b !== void 0 && b.tag !== null && p.tagsAtHead.includes(b.tag) ? b : p;
  });
  return { ...versions, packages };
}
function failureOf(error) {
  const e = isShipguardError(error) ? error : shipguardError("SG_INTERNAL", {
    detail: error instanceof Error ? error.stack ?? error.message : String(error)
  });
  return { code: e.code, message: e.message, remedy: e.remedy };
}

// src/presenters/release-files.ts
function releaseShaOutput(files) {
  return { "release-sha": files?.sha ?? "" };
}
function releaseFilesJson(files) {
  return {
    releaseSha: files?.sha ?? null,
    releaseCommitMessage: files?.message ?? null,
    files: files?.changes.map((c) => c.path) ?? [],
    diff: files?.diff ?? ""
  };
}
function releaseFilesText(files, dryRun) {
  if (files === null || !dryRun) return "";
  return `
${files.diff}`;
}
function releaseFilesSummary(files, dryRun) {
  if (files === null || files.found) return "";
  const list = files.changes.map((c) => `\`${c.path.replace(/`/g, "'")}\``).join(", ");
  const head = `${dryRun ? "Would change" : "Changed"} ${list} in \`${files.message}\`.`;
  if (!dryRun) return `
${head}
`;
  const longest = Math.max(2, ...[...files.diff.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `
${head}

<details><summary>The diff</summary>

${fence}diff
${files.diff}${fence}

</details>
`;
}

// src/presenters/release.ts
function releaseOutputs(r) {
  return {
    ...versionOutputs(r.version),
    released: String(r.released),
    "release-id": r.release === null ? "" : String(r.release.id),
    "release-url": r.release?.url ?? "",
    "tag-sha": r.tagSha ?? "",
    superseded: String(r.superseded),
    ...releaseShaOutput(r.files)
  };
}
function releaseJson(r) {
  return { ...versionJson(r.version), ...releaseFields(r) };
}
function releaseFields(r) {
  return {
    released: r.released,
    superseded: r.superseded,
    dryRun: r.dryRun,
    tagSha: r.tagSha,
    releaseId: r.release?.id ?? null,
    releaseUrl: r.release?.url ?? null,
    floatingTags: r.floatingTags,
    steps: r.steps,
    ...releaseFilesJson(r.files)
  };
}
function releaseSummary(r, tagUrl) {
  const v = r.version;
  const head = r.superseded ? `### shipguard release: superseded` : r.dryRun && v.releaseNeeded ? `### shipguard release (dry run): would release ${cell(v.tag ?? "")}` : r.released ? `### shipguard release: ${tagUrl ? `[${cell(v.tag ?? "")}](${tagUrl})` : cell(v.tag ?? "")}${r.release ? ` ([release](${r.release.url}))` : ""}` : "### shipguard release: no release needed";
  const steps = r.steps.map((s) => `- ${cell(s)}`).join("\n");
  const files = releaseFilesSummary(r.files, r.dryRun);
  return `${head}

${steps}
${files}
${versionSummary(v).replace(/^### .*\n/, "")}`;
}
function releaseText(r) {
  return `${r.steps.join("\n")}
${releaseFilesText(r.files, r.dryRun)}`;
}
function tagUrlOf(r, serverUrl, repo) {
  return r.tagSha && serverUrl && repo ? `${serverUrl}/${repo.owner}/${repo.repo}/releases/tag/${encodeURIComponent(r.version.tag ?? "")}` : null;
}

// src/presenters/release-packages.ts
function rootOf(r) {
  return r.releases.find((p) => p.version.path === ".") ?? null;
}
function releaseOf2(r, p) {
  return r.releases.find((x) => x.version.path === p.path);
}
function releasedPackages(r) {
  return r.releases.filter((p) => p.released).map((p) => p.version.path);
}
function outputEntry(p) {
  return {
    released: p.released,
    "release-url": p.release?.url ?? null,
    "tag-sha": p.tagSha,
    superseded: p.superseded
  };
}
function releasePackagesOutputs(r, limit = OUTPUT_LIMIT_BYTES) {
  const root = rootOf(r);
  const single2 = root === null ? Object.fromEntries(Object.keys(releaseOutputs(r.releases[0])).map((name) => [name, ""])) : releaseOutputs(root);
  return {
    ...single2,
    packages: packagesOutput(r.versions, limit, (p) => outputEntry(releaseOf2(r, p))),
    "released-packages": JSON.stringify(releasedPackages(r)),
    ...releaseShaOutput(r.files)
  };
}
function releasePackagesJson(r) {
  const root = rootOf(r);
  const rootRelease = root === null ? Object.fromEntries(Object.keys(releaseFields(r.releases[0])).map((name) => [name, null])) : releaseFields(root);
  const entry2 = (p) => {
    const release = releaseOf2(r, p);
    return {
      ...outputEntry(release),
      "release-id": release.release?.id ?? null,
      "floating-tags": release.floatingTags,
      steps: release.steps,
      failure: release.failure
    };
  };
  return {
    ...packagesJson(r.versions),
    ...rootRelease,
    dryRun: r.dryRun,
    packages: Object.fromEntries(r.versions.packages.map((p) => [p.path, entryOf(p, p.notes, entry2)])),
    releasedPackages: releasedPackages(r),
    ...releaseFilesJson(r.files)
  };
}
function outcomeOf(p) {
  const tag = p.version.tag ?? "";
  if (p.failure !== null) return `${tag} failed (${p.failure.code})`;
  if (p.superseded) return `${tag} superseded`;
  if (!p.version.releaseNeeded) return "no release needed";
  if (p.dryRun) return `${tag} would be released`;
  if (p.released) return p.madeNow ? `${tag} released` : `${tag} already released: kept`;
  return `${tag} not released`;
}
function releasePackagesReason(r) {
  const of = `${r.releases.length} package${r.releases.length === 1 ? "" : "s"}`;
  const list = (ps) => ps.map((p) => `${p.version.path} (${p.version.tag})`).join(", ");
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  if (needed.length === 0) return `No release needed in any of the ${of}.`;
  if (r.dryRun) return `Dry run: ${needed.length} of ${of} would be released: ${list(needed)}.`;
  const released = r.releases.filter((p) => p.released);
  const parts = [
    `${released.length} of ${of} released${released.length === 0 ? "" : `: ${list(released)}`}.`
  ];
  const superseded = r.releases.filter((p) => p.superseded);
  if (superseded.length > 0) parts.push(`Superseded: ${list(superseded)}.`);
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length > 0) parts.push(`Failed: ${list(failed)}.`);
  return parts.join(" ");
}
function releasePackagesText(r) {
  const width = Math.max(...r.releases.map((p) => p.version.path.length));
  const lines = [...r.steps];
  for (const p of r.releases) {
    lines.push(`${p.version.path.padEnd(width)}  ${outcomeOf(p)}`);
    if (p.version.releaseNeeded) lines.push(...p.steps.map((s) => `  ${s}`));
  }
  return `${lines.join("\n")}
${releaseFilesText(r.files, r.dryRun)}`;
}
function releasePackagesSummary(r, tagUrl) {
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  const released = r.releases.filter((p) => p.released);
  const failed = r.releases.filter((p) => p.failure !== null);
  const head = r.dryRun ? `### shipguard release (dry run): ${needed.length} of ${r.releases.length} packages would be released` : `### shipguard release: ${released.length} of ${r.releases.length} packages released${failed.length === 0 ? "" : `, ${failed.length} failed`}`;
  const tagCell = (p) => {
    if (p.version.tag === null) return "no release";
    const url = tagUrl(p);
    return url === null ? `\`${cell(p.version.tag)}\`` : `[\`${cell(p.version.tag)}\`](${url})`;
  };
  const parts = [
    head,
    "",
    table(
      ["package", "component", "previous", "tag", "bump", "outcome", "release"],
      r.releases.map((p) => [
        `\`${cell(p.version.path)}\``,
        cell(p.version.component),
        p.version.previousTag === null ? "none" : `\`${cell(p.version.previousTag)}\``,
        tagCell(p),
        p.version.bump,
        cell(outcomeOf(p)),
        p.release === null ? "" : `[release](${p.release.url})`
      ])
    )
  ];
  for (const s of r.steps) parts.push("", `- ${cell(s)}`);
  const files = releaseFilesSummary(r.files, r.dryRun);
  if (files !== "") parts.push(files.trimEnd());
  for (const w of r.versions.warnings) parts.push("", `> [!WARNING]
> ${cell(w)}`);
  for (const p of r.releases) {
    for (const w of p.version.warnings) parts.push("", `> [!WARNING]
> ${cell(`${p.version.path}: ${w}`)}`);
    if (p.failure !== null)
      parts.push("", `> [!CAUTION]
> ${cell(`${p.version.path}: ${p.failure.code}: ${p.failure.message}`)}`);
  }
  for (const p of needed) {
    parts.push("", `#### ${cell(p.version.path)}: ${cell(outcomeOf(p))}`, "");
    parts.push(...p.steps.map((s) => `- ${cell(s)}`));
    parts.push("", "<details><summary>Release notes</summary>", "", p.version.notes, "", "</details>");
  }
  return `${parts.join("\n")}
`;
}
function releasePackagesNotes(r) {
  return r.releases.filter((p) => p.version.notes !== "").map((p) => `# ${p.version.component} ${p.version.version}

${p.version.notes}`).join("\n");
}
function releasePackagesProblem(r) {
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length === 0) return null;
  return refusal("SG_PACKAGE_RELEASES_FAILED", {
    failed: failed.map((p) => ({ path: p.version.path, tag: p.version.tag, ...p.failure })),
    released: r.releases.filter((p) => p.released).map((p) => `${p.version.path} (${p.version.tag})`),
    total: r.releases.length
  });
}

// src/presenters/release-pr.ts
function pullRequestOutputs(report) {
  return {
    "pr-number": report?.number === null || report === null ? "" : String(report.number),
    "pr-url": report?.url ?? ""
  };
}
function pullRequestJson(report) {
  if (report === null) return { pullRequest: null };
  const { action, number, url, branch, base, commit, files, diff, steps } = report;
  return { pullRequest: { action, number, url, branch, base, commit, files, diff, steps } };
}
function pullRequestSentence(report, proposed) {
  const pr = `#${report.number}`;
  const what = proposed.length === 0 ? "" : ` proposing ${proposed.join(", ")}`;
  if (report.dryRun) return `Dry run: ${report.steps.at(-1) ?? "nothing would change."}`;
  switch (report.action) {
    case "opened":
      return `Opened the release pull request ${pr}${what}.`;
    case "updated":
      return `Updated the release pull request ${pr}${what}.`;
    case "unchanged":
      return `Updated the release pull request ${pr}${what} (its branch moved to a fresh commit; title and body unchanged).`;
    case "closed":
      return `Closed the release pull request ${pr}: nothing release-worthy is left.`;
    case "released":
      return `Released the merged release pull request ${pr}.`;
    case "none":
      return "No release pull request: nothing release-worthy.";
  }
}
function pullRequestSummary(report, proposed) {
  const link = report.url === null ? "" : ` ([#${report.number}](${report.url}))`;
  const steps = report.steps.map((s) => `- ${cell(s)}`).join("\n");
  const diff = report.diff === "" ? "" : `${diffBlock(report.diff)}

`;
  return `### shipguard release pull request: ${cell(pullRequestSentence(report, proposed))}${link}

${steps}

${diff}`;
}
function diffBlock(diff) {
  const longest = Math.max(2, ...[...diff.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `<details><summary>The release commit's diff</summary>

${fence}diff
${diff.trimEnd()}
${fence}

</details>`;
}

// src/registry/commands/release.ts
var releaseCommand = register({
  read: readReleaseSettings,
  async run(settings, root) {
    const { context } = root;
    const git = root.git(settings.workingDirectory);
    const forge = await root.forge(settings, git);
    const links = settings.repository === null ? { serverUrl: null, repository: null } : { serverUrl: context.serverUrl ?? "https://github.com", repository: settings.repository };
    const outcome = await runReleaseCommand(
      settings,
      { git, forge, logger: context.logger },
      { ...links, branch: context.branch }
    );
    const notes = notesOf(outcome);
    if (settings.notesFile !== null && notes !== "") {
      await writeFile(path3.resolve(context.workspace, settings.notesFile), notes);
    }
    return outcome;
  },
  present(outcome, settings, root) {
    const tagUrl = (r) => tagUrlOf(r, root.context.serverUrl, settings.repository);
    const notes = notesOf(outcome);
    const document = { document: settings.notesFile === null ? notes : "" };
    if (outcome.kind === "single")
      return withPullRequest(outcome, single(outcome.result, tagUrl(outcome.result), document));
    const result = outcome.result;
    const problem = releasePackagesProblem(result);
    return withPullRequest(outcome, {
      ok: problem === null,
      message: problem?.message ?? releasePackagesReason(result),
      problem,
      outputs: releasePackagesOutputs(result),
      summary: releasePackagesSummary(result, tagUrl),
      text: `${releasePackagesReason(result)}
${releasePackagesText(result)}`,
      ...document,
      json: releasePackagesJson(result)
    });
  },
  announce: (outcome, settings, root) => ({
    notify: settings.notify,
    events: eventsOf(outcome, eventContext(root, settings, null)),
    incident: null,
    where: { ...settings, ledgerFile: null }
  })
});
function single(result, tagUrl, document) {
  return {
    ok: true,
    message: result.version.reason,
    problem: null,
    outputs: releaseOutputs(result),
    summary: releaseSummary(result, tagUrl),
    text: `${result.version.reason}
${releaseText(result)}`,
    ...document,
    json: releaseJson(result)
  };
}
function withPullRequest(outcome, p) {
  const report = outcome.pullRequest;
  const outputs = { ...p.outputs, ...pullRequestOutputs(report) };
  const json = { ...p.json, ...pullRequestJson(report) };
  if (report === null) return { ...p, outputs, json };
  const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
  const proposed = results.filter((r) => r.version.releaseNeeded).map((r) => r.version.tag ?? "");
  const sentence = pullRequestSentence(report, proposed);
  if (report.action === "released") {
    return {
      ...p,
      outputs,
      json,
      summary: `${pullRequestSummary(report, proposed)}${p.summary}`,
      // The pull request's steps too: a later run's release of a missed merge, and its new proposal.
      text: `${sentence}
${report.steps.join("\n")}
${p.text}`
    };
  }
  const rest = p.summary.replace(/^### .*\n/, "");
  return {
    ...p,
    message: sentence,
    outputs,
    json,
    summary: `${pullRequestSummary(report, proposed)}${rest}`,
    text: `${sentence}
${report.steps.join("\n")}
${report.diff}`
  };
}
function notesOf(outcome) {
  return outcome.kind === "single" ? outcome.result.version.notes : releasePackagesNotes(outcome.result);
}
function eventsOf(outcome, c) {
  if (outcome.kind === "single") return releaseEvents(outcome.result, c);
  return outcome.result.releases.flatMap((r) => releaseEvents(r, c));
}
export {
  releaseCommand
};
/*! Bundled license information:

xmlchars/xml/1.0/ed5.js:
  (**
   * Character classes and associated utilities for the 5th edition of XML 1.0.
   *
   * @author Louis-Dominique Dubeau
   * @license MIT
   * @copyright Louis-Dominique Dubeau
   *)

xmlchars/xml/1.1/ed2.js:
  (**
   * Character classes and associated utilities for the 2nd edition of XML 1.1.
   *
   * @author Louis-Dominique Dubeau
   * @license MIT
   * @copyright Louis-Dominique Dubeau
   *)

xmlchars/xmlns/1.0/ed3.js:
  (**
   * Character class utilities for XML NS 1.0 edition 3.
   *
   * @author Louis-Dominique Dubeau
   * @license MIT
   * @copyright Louis-Dominique Dubeau
   *)
*/
