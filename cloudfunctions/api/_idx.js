"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// cloudfunctions/api/src/platform/errors.ts
var AppError, withReason, invalid, unauthenticated, forbidden, notFound, conflict, rateLimited, internal;
var init_errors = __esm({
  "cloudfunctions/api/src/platform/errors.ts"() {
    "use strict";
    AppError = class extends Error {
      constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = "AppError";
      }
      get reason() {
        var _a3;
        return (_a3 = this.details) == null ? void 0 : _a3.reason;
      }
      toApiError() {
        return this.details === void 0 ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
      }
    };
    withReason = (reason) => reason ? { reason } : void 0;
    invalid = (message, issues) => new AppError("INVALID_INPUT", message, issues ? { issues } : void 0);
    unauthenticated = (message = "请先登录") => new AppError("UNAUTHENTICATED", message);
    forbidden = (message = "您没有权限进行此操作", reason) => new AppError("FORBIDDEN", message, withReason(reason));
    notFound = (what) => new AppError("NOT_FOUND", `${what}不存在或已被删除`);
    conflict = (message, reason) => new AppError("CONFLICT", message, withReason(reason));
    rateLimited = () => new AppError("RATE_LIMITED", "操作太频繁了，请稍等一会儿再试");
    internal = () => new AppError("INTERNAL", "系统开小差了，请稍后再试");
  }
});

// node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  CONSTANT_CATCH: () => CONSTANT_CATCH,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  attachSchema: () => attachSchema,
  base64ToUint8Array: () => base64ToUint8Array,
  base64urlToUint8Array: () => base64urlToUint8Array,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  cloneDef: () => cloneDef,
  codePointLength: () => codePointLength,
  constantCatch: () => constantCatch,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  defineLazyInternal: () => defineLazyInternal,
  derived: () => derived,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  explicitlyAborted: () => explicitlyAborted,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  hexToUint8Array: () => hexToUint8Array,
  hide: () => hide,
  installLazyProp: () => installLazyProp,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  members: () => members,
  merge: () => merge,
  mergeDefs: () => mergeDefs,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  objectClone: () => objectClone,
  omit: () => omit,
  optionalKeys: () => optionalKeys,
  own: () => own,
  parsedType: () => parsedType,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  rawShape: () => rawShape,
  required: () => required,
  safeExtend: () => safeExtend,
  shallowClone: () => shallowClone,
  sizeCaps: () => sizeCaps,
  slugify: () => slugify,
  stringifyPrimitive: () => stringifyPrimitive,
  toZod: () => toZod,
  uint8ArrayToBase64: () => uint8ArrayToBase64,
  uint8ArrayToBase64url: () => uint8ArrayToBase64url,
  uint8ArrayToHex: () => uint8ArrayToHex,
  unwrapMessage: () => unwrapMessage
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function toZod() {
  return (schema) => schema;
}
function assertIs(_arg) {
}
function assertNever(_x) {
  throw new Error("Unexpected value in exhaustive check");
}
function assert(_) {
}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const ratio = val / step;
  const roundedRatio = Math.round(ratio);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
  if (Math.abs(ratio - roundedRatio) < tolerance)
    return 0;
  return ratio - roundedRatio;
}
function defineLazy(object2, key, getter) {
  let value = void 0;
  Object.defineProperty(object2, key, {
    get() {
      if (value === EVALUATING) {
        return void 0;
      }
      if (value === void 0) {
        value = EVALUATING;
        value = getter();
      }
      return value;
    },
    set(v) {
      Object.defineProperty(object2, key, {
        value: v
        // configurable: true,
      });
    },
    configurable: true
  });
}
function objectClone(obj) {
  return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return (desc == null ? void 0 : desc.get) ? desc.get.raw : desc == null ? void 0 : desc.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys, wrap) {
  const raw = sourceShape(source);
  for (const key of keys) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
  return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
  if (!path)
    return obj;
  return path.reduce((acc, key) => acc == null ? void 0 : acc[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys = Object.keys(promisesObj);
  const promises = keys.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys.length; i++) {
      resolvedObj[keys[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = "abcdefghijklmnopqrstuvwxyz";
  let str = "";
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
function slugify(input) {
  return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || (params == null ? void 0 : params.parent))
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if ((params == null ? void 0 : params.message) !== void 0) {
    if ((params == null ? void 0 : params.error) !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) {
      target ?? (target = getter());
      return Reflect.get(target, prop, receiver);
    },
    set(_, prop, value, receiver) {
      target ?? (target = getter());
      return Reflect.set(target, prop, value, receiver);
    },
    has(_, prop) {
      target ?? (target = getter());
      return Reflect.has(target, prop);
    },
    deleteProperty(_, prop) {
      target ?? (target = getter());
      return Reflect.deleteProperty(target, prop);
    },
    ownKeys(_) {
      target ?? (target = getter());
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_, prop) {
      target ?? (target = getter());
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    defineProperty(_, prop, descriptor) {
      target ?? (target = getter());
      return Reflect.defineProperty(target, prop, descriptor);
    }
  });
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function pick(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".pick() cannot be used on object schemas containing refinements");
  }
  const newShape = {};
  mirrorShape(newShape, schema, maskedKeys(schema, mask));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function maskedKeys(schema, mask) {
  var _a3;
  const raw = sourceShape(schema);
  const keys = [];
  for (const key of Reflect.ownKeys(mask)) {
    if (!((_a3 = Object.getOwnPropertyDescriptor(raw, key)) == null ? void 0 : _a3.enumerable)) {
      throw new Error(`Unrecognized key: "${String(key)}"`);
    }
    if (mask[key])
      keys.push(key);
  }
  return keys;
}
function omit(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".omit() cannot be used on object schemas containing refinements");
  }
  const omitted = new Set(maskedKeys(schema, mask));
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function safeExtend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to safeExtend: expected a plain object");
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
  var _a3, _b;
  if (!((_a3 = b == null ? void 0 : b._zod) == null ? void 0 : _a3.def)) {
    throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
  }
  if ((_b = a._zod.def.checks) == null ? void 0 : _b.length) {
    throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
  }
  const newShape = {};
  mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
  mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
  const def = mergeDefs(a._zod.def, {
    shape: newShape,
    get catchall() {
      return b._zod.def.catchall;
    },
    checks: b._zod.def.checks ?? []
  });
  return clone(a, def);
}
function partial(Class2, schema, mask, name = "partial") {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
  }
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class2, schema, mask) {
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
  ));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
  var _a3;
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (((_a3 = x.issues[i]) == null ? void 0 : _a3.continue) !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  var _a3;
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (((_a3 = x.issues[i]) == null ? void 0 : _a3.continue) === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message == null ? void 0 : message.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config3) {
  var _a4, _b, _c, _d, _e, _f, _g, _h, _i, _j;
  var _a3;
  const traits = (_b = (_a4 = iss.inst) == null ? void 0 : _a4._zod) == null ? void 0 : _b.traits;
  if (traits == null ? void 0 : traits.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? (_d = (_c = iss.schema) == null ? void 0 : _c._zod.def) == null ? void 0 : _d.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage((_g = (_f = (_e = iss.inst) == null ? void 0 : _e._zod.def) == null ? void 0 : _f.error) == null ? void 0 : _g.call(_f, iss)) ?? unwrapMessage(schemaError == null ? void 0 : schemaError(iss)) ?? unwrapMessage((_h = ctx == null ? void 0 : ctx.error) == null ? void 0 : _h.call(ctx, iss)) ?? unwrapMessage((_i = config3.customError) == null ? void 0 : _i.call(config3, iss)) ?? unwrapMessage((_j = config3.localeError) == null ? void 0 : _j.call(config3, iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx == null ? void 0 : ctx.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function getSizableOrigin(input) {
  if (input instanceof Set)
    return "set";
  if (input instanceof Map)
    return "map";
  if (input instanceof File)
    return "file";
  return "unknown";
}
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj).filter(([k, _]) => {
    return Number.isNaN(Number.parseInt(k, 10));
  }).map((el) => el[1]);
}
function base64ToUint8Array(base642) {
  const binaryString = atob(base642);
  const bytes = new Uint8Array(binaryString.length);
  for (let i = 0; i < binaryString.length; i++) {
    bytes[i] = binaryString.charCodeAt(i);
  }
  return bytes;
}
function uint8ArrayToBase64(bytes) {
  let binaryString = "";
  for (let i = 0; i < bytes.length; i++) {
    binaryString += String.fromCharCode(bytes[i]);
  }
  return btoa(binaryString);
}
function base64urlToUint8Array(base64url2) {
  const base642 = base64url2.replace(/-/g, "+").replace(/_/g, "/");
  const padding = "=".repeat((4 - base642.length % 4) % 4);
  return base64ToUint8Array(base642 + padding);
}
function uint8ArrayToBase64url(bytes) {
  return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
  const cleanHex = hex.replace(/^0x/, "");
  if (cleanHex.length % 2 !== 0) {
    throw new Error("Invalid hex string length");
  }
  const bytes = new Uint8Array(cleanHex.length / 2);
  for (let i = 0; i < cleanHex.length; i += 2) {
    bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
  }
  return bytes;
}
function uint8ArrayToHex(bytes) {
  return Array.from(bytes).map((b) => b.toString(16).padStart(2, "0")).join("");
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
// @__NO_SIDE_EFFECTS__
function derived(computes, table) {
  for (const key in computes) {
    const compute = computes[key];
    Object.defineProperty(table, key, {
      configurable: true,
      enumerable: true,
      get() {
        return own(this, key, compute(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  return table;
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
function constantCatch(value) {
  const fn = () => value;
  fn[CONSTANT_CATCH] = true;
  return fn;
}
var Cached, EVALUATING, captureStackTrace, allowsEval, getParsedType, propertyKeyTypes, primitiveTypes, NUMBER_FORMAT_RANGES, BIGINT_FORMAT_RANGES, highSurrogate, Class, installing, broke, breaker, CONSTANT_CATCH;
var init_util = __esm({
  "node_modules/zod/v4/core/util.js"() {
    init_core();
    Cached = class {
      constructor(getter) {
        this._getter = getter;
        this._value = void 0;
      }
      get value() {
        const getter = this._getter;
        if (getter !== void 0) {
          this._value = getter();
          this._getter = void 0;
        }
        return this._value;
      }
    };
    EVALUATING = /* @__PURE__ */ Symbol("evaluating");
    captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
    };
    allowsEval = /* @__PURE__ */ cached(() => {
      var _a3;
      if (globalConfig.jitless) {
        return false;
      }
      if (typeof navigator !== "undefined" && ((_a3 = navigator == null ? void 0 : navigator.userAgent) == null ? void 0 : _a3.includes("Cloudflare"))) {
        return false;
      }
      try {
        const F = Function;
        new F("");
        return true;
      } catch (_) {
        return false;
      }
    });
    getParsedType = (data) => {
      const t = typeof data;
      switch (t) {
        case "undefined":
          return "undefined";
        case "string":
          return "string";
        case "number":
          return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
          return "boolean";
        case "function":
          return "function";
        case "bigint":
          return "bigint";
        case "symbol":
          return "symbol";
        case "object":
          if (Array.isArray(data)) {
            return "array";
          }
          if (data === null) {
            return "null";
          }
          if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
            return "promise";
          }
          if (typeof Map !== "undefined" && data instanceof Map) {
            return "map";
          }
          if (typeof Set !== "undefined" && data instanceof Set) {
            return "set";
          }
          if (typeof Date !== "undefined" && data instanceof Date) {
            return "date";
          }
          if (typeof File !== "undefined" && data instanceof File) {
            return "file";
          }
          return "object";
        default:
          throw new Error(`Unknown data type: ${t}`);
      }
    };
    propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
    primitiveTypes = /* @__PURE__ */ new Set([
      "string",
      "number",
      "bigint",
      "boolean",
      "symbol",
      "undefined"
    ]);
    NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
      safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      int32: [-2147483648, 2147483647],
      uint32: [0, 4294967295],
      float32: [-34028234663852886e22, 34028234663852886e22],
      float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
    }))();
    BIGINT_FORMAT_RANGES = {
      int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
      uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
    };
    highSurrogate = /[\uD800-\uDBFF]/;
    Class = class {
      constructor(..._args) {
      }
    };
    broke = false;
    breaker = {
      configurable: true,
      get() {
        broke = true;
        return void 0;
      }
    };
    CONSTANT_CATCH = "~constantCatch";
  }
});

// node_modules/zod/v4/core/core.js
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init2(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer3(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = (params == null ? void 0 : params.Parent) ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    var _a3;
    const inst = (params == null ? void 0 : params.Parent) ? newError(Definition) : this;
    init2(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = (_a3 = globalThis.__zod_globalConfig) == null ? void 0 : _a3.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init2 });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      var _a3, _b;
      if ((params == null ? void 0 : params.Parent) && inst instanceof params.Parent)
        return true;
      return (_b = (_a3 = inst == null ? void 0 : inst._zod) == null ? void 0 : _a3.traits) == null ? void 0 : _b.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}
var _a, _zodDesc, _E, $ZodAsyncError, $ZodEncodeError, globalConfig;
var init_core = __esm({
  "node_modules/zod/v4/core/core.js"() {
    init_util();
    _zodDesc = { value: void 0, enumerable: false };
    _E = "captureStackTrace" in Error ? Error : null;
    $ZodAsyncError = class extends Error {
      constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
      }
    };
    $ZodEncodeError = class extends Error {
      constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
      }
    };
    (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
    globalConfig = globalThis.__zod_globalConfig;
  }
});

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
function node(obj, key, make) {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    if (key === "__proto__") {
      Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = make();
    }
  }
  return obj[key];
}
function flattenError(error3, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error3.issues) {
    if (sub.path.length > 0) {
      node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error3, mapper = (issue2) => issue2.message) {
  const fieldErrors = { _errors: [] };
  const processError = (error4, path = []) => {
    for (const issue2 of error4.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path, ...issue2.path]);
      } else {
        const fullpath = [...path, ...issue2.path];
        if (fullpath.length === 0) {
          fieldErrors._errors.push(mapper(issue2));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < fullpath.length) {
            const el = fullpath[i];
            const terminal = i === fullpath.length - 1;
            if (el === "_errors") {
              if (terminal)
                curr._errors.push(mapper(issue2));
              i++;
              continue;
            }
            if (!Object.prototype.hasOwnProperty.call(curr, el)) {
              Object.defineProperty(curr, el, {
                value: { _errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            const node2 = curr[el];
            if (terminal) {
              node2._errors.push(mapper(issue2));
            }
            curr = node2;
            i++;
          }
        }
      }
    }
  };
  processError(error3);
  return fieldErrors;
}
var _messageDesc, _issuesDesc, _installedToString, initializer, $ZodError, $ZodRealError;
var init_errors2 = __esm({
  "node_modules/zod/v4/core/errors.js"() {
    init_core();
    init_util();
    _messageDesc = {
      get: _getMessage,
      set: _setMessage,
      enumerable: true,
      configurable: true
    };
    _issuesDesc = { value: void 0, enumerable: false };
    _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer = (inst, def) => {
      inst.name = "$ZodError";
      _issuesDesc.value = def;
      Object.defineProperty(inst, "issues", _issuesDesc);
      _issuesDesc.value = void 0;
      Object.defineProperty(inst, "message", _messageDesc);
      const proto = Object.getPrototypeOf(inst);
      if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
          configurable: true,
          enumerable: false,
          get() {
            const value = () => this.message;
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            return value;
          },
          set(value) {
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
          }
        });
      }
    };
    $ZodError = $constructor("$ZodError", initializer);
    $ZodRealError = $constructor("$ZodError", initializer, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
  return { callee: (params == null ? void 0 : params.callee) ?? callee, Err: params == null ? void 0 : params.Err };
}
function failure(Err, issues, ctx) {
  let error3;
  return {
    success: false,
    get error() {
      if (!error3) {
        error3 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error3;
    },
    set error(e) {
      error3 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
function validateFallback(schema, value, _ctx) {
  const ctx = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
  const fallbackRun = schema._zod.bag.fallbackRun;
  let result;
  if (fallbackRun) {
    ctx[COMPILE_FALLBACK] = true;
    result = fallbackRun({ value, issues: [] }, ctx);
  } else {
    result = schema._zod.run({ value, issues: [] }, ctx);
  }
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length === 0;
}
var _parse, _parseAsync, _safeParse, _safeParseAsync, COMPILE_INVALID, COMPILE_FALLBACK, validate, validateAsync, _encode, _decode, _encodeAsync, _decodeAsync, _safeEncode, _safeDecode, _safeEncodeAsync, _safeDecodeAsync;
var init_parse = __esm({
  "node_modules/zod/v4/core/parse.js"() {
    init_core();
    init_util();
    _parse = (_Err) => {
      const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
          throw new $ZodAsyncError();
        }
        if (result.issues.length) {
          const e = new ((_params == null ? void 0 : _params.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, (_params == null ? void 0 : _params.callee) ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    _parseAsync = (_Err) => {
      const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
          result = await result;
        if (result.issues.length) {
          const e = new ((params == null ? void 0 : params.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, (params == null ? void 0 : params.callee) ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    _safeParse = (_Err) => (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
      const result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise) {
        throw new $ZodAsyncError();
      }
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
      let result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
    COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
    validate = ((schema, value, _ctx) => {
      const validator = schema._zod.bag.validator;
      if (validator !== void 0) {
        if (validator(value) !== COMPILE_INVALID)
          return true;
        if (validator.definite === true && _ctx === void 0)
          return false;
      }
      return validateFallback(schema, value, _ctx);
    });
    validateAsync = async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
      let result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length === 0;
    };
    _encode = (_Err) => {
      const parse2 = _parse(_Err);
      const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse2(schema, value, ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _decode = (_Err) => {
      const parse2 = _parse(_Err);
      const fn = (schema, value, _ctx, _params) => {
        return parse2(schema, value, _ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _encodeAsync = (_Err) => {
      const parseAsync2 = _parseAsync(_Err);
      const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return await parseAsync2(schema, value, ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _decodeAsync = (_Err) => {
      const parseAsync2 = _parseAsync(_Err);
      const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync2(schema, value, _ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _safeEncode = (_Err) => (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return _safeParse(_Err)(schema, value, ctx);
    };
    _safeDecode = (_Err) => (schema, value, _ctx) => {
      return _safeParse(_Err)(schema, value, _ctx);
    };
    _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return _safeParseAsync(_Err)(schema, value, ctx);
    };
    _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
      return _safeParseAsync(_Err)(schema, value, _ctx);
    };
  }
});

// node_modules/zod/v4/core/regexes.js
function nanoidOfLength(length) {
  return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
function emoji() {
  return new RegExp(_emoji, "u");
}
function anchor(source) {
  return new RegExp(`^${source}$`);
}
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var cuid, cuid2, ulid, xid, ksuid, nanoid, duration, guid, uuid, email, _emoji, ipv4, ipv6, cidrv4, cidrv6, base64, base64url, httpProtocol, e164, dateSource, date, anyString, integer, number, boolean, lowercase, uppercase;
var init_regexes = __esm({
  "node_modules/zod/v4/core/regexes.js"() {
    cuid = /^[cC][0-9a-z]{6,}$/;
    cuid2 = /^[0-9a-z]+$/;
    ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
    xid = /^[0-9a-vA-V]{20}$/;
    ksuid = /^[A-Za-z0-9]{27}$/;
    nanoid = /^[a-zA-Z0-9_-]{21}$/;
    duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
    guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
    uuid = (version2) => {
      if (!version2)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
      return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
    };
    email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
    _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
    ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
    ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
    cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
    cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
    base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
    base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
    httpProtocol = /^https?$/;
    e164 = /^\+[1-9]\d{6,14}$/;
    dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
    date = /* @__PURE__ */ anchor(dateSource);
    anyString = /^[\s\S]{0,}$/;
    integer = /^-?\d+$/;
    number = /^-?\d+(?:\.\d+)?$/;
    boolean = /^(?:true|false)$/i;
    lowercase = /^[^A-Z]*$/;
    uppercase = /^[^a-z]*$/;
  }
});

// node_modules/zod/v4/core/checks.js
var $ZodCheck, _whenHasLength, numericOriginMap, $ZodCheckLessThan, $ZodCheckGreaterThan, $ZodCheckMultipleOf, $ZodCheckNumberFormat, $ZodCheckMaxLength, $ZodCheckMinLength, $ZodCheckLengthEquals, $ZodCheckStringFormat, $ZodCheckRegex, $ZodCheckLowerCase, $ZodCheckUpperCase, $ZodCheckIncludes, $ZodCheckStartsWith, $ZodCheckEndsWith, $ZodCheckOverwrite;
var init_checks = __esm({
  "node_modules/zod/v4/core/checks.js"() {
    init_core();
    init_regexes();
    init_util();
    $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
      var _a3;
      inst._zod ?? (inst._zod = {});
      inst._zod.def = def;
      (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
    });
    _whenHasLength = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    };
    numericOriginMap = {
      number: "number",
      bigint: "bigint",
      object: "date"
    };
    $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      const origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
          return;
        }
        payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_big",
          maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      const origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
          return;
        }
        payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_small",
          minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
      $ZodCheck.init(inst, def);
      inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
          throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint" ? (
          // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
          def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
        ) : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
          return;
        payload.issues.push({
          origin: typeof payload.value,
          code: "not_multiple_of",
          divisor: def.value,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      def.format = def.format || "float64";
      const isInt = (_a3 = def.format) == null ? void 0 : _a3.includes("int");
      const origin = isInt ? "int" : "number";
      const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
      inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
          if (!Number.isInteger(input)) {
            payload.issues.push({
              expected: origin,
              format: def.format,
              code: "invalid_type",
              continue: false,
              input,
              inst
            });
            return;
          }
          if (!Number.isSafeInteger(input)) {
            if (input > 0) {
              payload.issues.push({
                input,
                code: "too_big",
                maximum: Number.MAX_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            } else {
              payload.issues.push({
                input,
                code: "too_small",
                minimum: Number.MIN_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            }
            return;
          }
        }
        if (input < minimum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_small",
            minimum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
        if (input > maximum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_big",
            maximum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
          return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_big",
          maximum: def.maximum,
          inclusive: true,
          input,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
        if (length >= def.minimum)
          return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_small",
          minimum: def.minimum,
          inclusive: true,
          input,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
        if (length === def.length)
          return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
          origin,
          ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
          inclusive: true,
          exact: true,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
      var _a3, _b;
      $ZodCheck.init(inst, def);
      if (def.pattern)
        (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
          def.pattern.lastIndex = 0;
          if (def.pattern.test(payload.value))
            return;
          payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            ...def.pattern ? { pattern: def.pattern.toString() } : {},
            inst,
            continue: !def.abort
          });
        });
      else
        (_b = inst._zod).check ?? (_b.check = () => {
        });
    });
    $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "regex",
          input: payload.value,
          pattern: def.pattern.toString(),
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
      def.pattern ?? (def.pattern = lowercase);
      $ZodCheckStringFormat.init(inst, def);
    });
    $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
      def.pattern ?? (def.pattern = uppercase);
      $ZodCheckStringFormat.init(inst, def);
    });
    $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
      $ZodCheck.init(inst, def);
      const escapedRegex = escapeRegex(def.includes);
      const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
      def.pattern = pattern;
      inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "includes",
          includes: def.includes,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
      $ZodCheck.init(inst, def);
      const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
      def.pattern ?? (def.pattern = pattern);
      inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "starts_with",
          prefix: def.prefix,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
      $ZodCheck.init(inst, def);
      const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
      def.pattern ?? (def.pattern = pattern);
      inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "ends_with",
          suffix: def.suffix,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
      $ZodCheck.init(inst, def);
      inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
      };
    });
  }
});

// node_modules/zod/v4/core/doc.js
var Doc;
var init_doc = __esm({
  "node_modules/zod/v4/core/doc.js"() {
    Doc = class {
      constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
      }
      // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
      indented(fn) {
        this.indent += 1;
        try {
          fn(this);
        } finally {
          this.indent -= 1;
        }
      }
      write(arg) {
        if (typeof arg === "function") {
          arg(this, { execution: "sync" });
          arg(this, { execution: "async" });
          return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
          this.content.push(line);
        }
      }
      compile() {
        const F = Function;
        const content = (this == null ? void 0 : this.content) ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content.join("\n")}
};`);
        return factory(...Object.values(this.closed));
      }
    };
  }
});

// node_modules/zod/v4/core/versions.js
var version;
var init_versions = __esm({
  "node_modules/zod/v4/core/versions.js"() {
    version = {
      major: 4,
      minor: 6,
      patch: 7
    };
  }
});

// node_modules/zod/v4/core/schemas.js
async function validateAsync2(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync2(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
function canParseURL(input) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input);
    new URL(input);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  var _a3;
  if (!def.normalize && ((_a3 = def.protocol) == null ? void 0 : _a3.source) === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
  hostname.lastIndex = 0;
  return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
function isValidIPv6(value) {
  if (!ipv6Alphabet.test(value))
    return false;
  return canParseURL(`http://[${value}]`);
}
function isValidCIDRv6(value) {
  const parts = value.split("/");
  if (parts.length !== 2)
    return false;
  const [address, prefix] = parts;
  if (!prefix)
    return false;
  const prefixNum = Number(prefix);
  if (`${prefixNum}` !== prefix)
    return false;
  if (prefixNum < 0 || prefixNum > 128)
    return false;
  return isValidIPv6(address);
}
function isValidBase64(data) {
  if (data === "")
    return true;
  if (/\s/.test(data))
    return false;
  if (data.length % 4 !== 0)
    return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
function isValidBase64URL(data) {
  if (!base64urlCharset.test(data))
    return false;
  const base642 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
  const padded = base642.padEnd(Math.ceil(base642.length / 4) * 4, "=");
  return isValidBase64(padded);
}
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split(".");
    if (tokensParts.length !== 3)
      return false;
    const [header] = tokensParts;
    if (!header)
      return false;
    const parsedHeader = JSON.parse(atob(header));
    if ("typ" in parsedHeader && (parsedHeader == null ? void 0 : parsedHeader.typ) !== "JWT")
      return false;
    if (!parsedHeader.alg)
      return false;
    if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
      return false;
    return true;
  } catch {
    return false;
  }
}
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !(ctx == null ? void 0 : ctx.skipChecks) && (ctx == null ? void 0 : ctx.direction) !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
function normalizeDef(def) {
  var _a3, _b, _c, _d;
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!((_d = (_c = (_b = (_a3 = def.shape) == null ? void 0 : _a3[k]) == null ? void 0 : _b._zod) == null ? void 0 : _c.traits) == null ? void 0 : _d.has("$ZodType"))) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
      delete newObj.__proto__;
    for (const key of sharedKeys) {
      if (key === "__proto__")
        continue;
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  const unrecKeys = /* @__PURE__ */ new Map();
  let unrecIssue;
  const keyIssues = /* @__PURE__ */ new Map();
  const collect = (iss, side) => {
    var _a3, _b;
    let keys;
    if (iss.code === "unrecognized_keys" && !((_a3 = iss.path) == null ? void 0 : _a3.length)) {
      unrecIssue ?? (unrecIssue = iss);
      keys = iss.keys;
    } else if (iss.code === "invalid_key" && iss.origin === "record" && ((_b = iss.path) == null ? void 0 : _b.length) === 1) {
      const k = String(iss.path[0]);
      if (!keyIssues.has(k))
        keyIssues.set(k, iss);
      keys = [k];
    } else {
      return false;
    }
    for (const k of keys) {
      if (!unrecKeys.has(k))
        unrecKeys.set(k, {});
      unrecKeys.get(k)[side] = true;
    }
    return true;
  };
  for (const iss of left.issues) {
    if (!collect(iss, "l"))
      result.issues.push(iss);
  }
  for (const iss of right.issues) {
    if (!collect(iss, "r"))
      result.issues.push(iss);
  }
  const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
  if (bothKeys.length) {
    const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
    if (aggregated.length)
      result.issues.push({ ...unrecIssue, keys: aggregated });
    for (const k of bothKeys) {
      if (!aggregated.includes(k) && keyIssues.has(k))
        result.issues.push(keyIssues.get(k));
    }
  }
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    if (aborted(result))
      return result;
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: "invalid_type",
      expected: "nonoptional",
      input: payload.value,
      inst
    });
  }
  return payload;
}
function handleCatchResult(payload, result, def, ctx) {
  if (!result.issues.length) {
    payload.value = result.value;
    if (result.memo)
      payload.memo = true;
    return payload;
  }
  payload.value = def.catchValue({
    ...result,
    value: payload.value,
    error: {
      issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config()))
    },
    input: payload.value
  });
  return payload;
}
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
function handleReadonlyResult(payload) {
  if (!payload.memo)
    payload.value = Object.freeze(payload.value);
  return payload;
}
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}
var $ZodType, toStandardResult, $ZodString, $ZodStringFormat, $ZodGUID, $ZodUUID, $ZodEmail, URL_BAD_FORMAT, URL_UNPARSEABLE, asciiTabOrNewline, $ZodURL, $ZodEmoji, $ZodNanoID, $ZodCUID, $ZodCUID2, $ZodULID, $ZodXID, $ZodKSUID, $ZodISODateTime, $ZodISODate, $ZodISOTime, $ZodISODuration, $ZodIPv4, ipv6Alphabet, $ZodIPv6, $ZodCIDRv4, $ZodCIDRv6, base64Charset, $ZodBase64, base64urlCharset, $ZodBase64URL, $ZodE164, $ZodJWT, $ZodNumber, $ZodNumberFormat, $ZodBoolean, $ZodUnknown, $ZodNever, $ZodDate, arraySize, $ZodArray, NO_SYMBOL_KEYS, $ZodObject, $ZodObjectJIT, $ZodUnion, $ZodIntersection, $ZodRecord, $ZodEnum, $ZodTransform, $ZodOptional, $ZodExactOptional, $ZodNullable, $ZodDefault, $ZodPrefault, $ZodNonOptional, $ZodCatch, $ZodPipe, $ZodReadonly, $ZodCustom;
var init_schemas = __esm({
  "node_modules/zod/v4/core/schemas.js"() {
    init_checks();
    init_core();
    init_doc();
    init_regexes();
    init_util();
    init_versions();
    init_util();
    $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
      var _a4;
      var _a3;
      inst ?? (inst = {});
      inst._zod.def = def;
      inst._zod.bag = inst._zod.bag || {};
      inst._zod.version = version;
      const defChecks = inst._zod.def.checks;
      const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : (defChecks == null ? void 0 : defChecks.length) ? [...defChecks] : [];
      for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
          fn(inst);
        }
      }
      if (checks.length === 0) {
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        (_a4 = inst._zod.deferred) == null ? void 0 : _a4.push(() => {
          inst._zod.run = inst._zod.parse;
        });
      } else {
        const runChecks = (payload, checks2, ctx) => {
          if (payload.memo)
            return payload;
          let isAborted = aborted(payload);
          let asyncResult;
          for (const ch of checks2) {
            if (ch._zod.def.when) {
              if (explicitlyAborted(payload))
                continue;
              const shouldRun = ch._zod.def.when(payload);
              if (!shouldRun)
                continue;
            } else if (isAborted) {
              continue;
            }
            const currLen = payload.issues.length;
            const _ = ch._zod.check(payload);
            if (_ instanceof Promise && (ctx == null ? void 0 : ctx.async) === false) {
              throw new $ZodAsyncError();
            }
            if (asyncResult || _ instanceof Promise) {
              asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                await _;
                const nextLen = payload.issues.length;
                if (nextLen === currLen)
                  return;
                attachSchema(payload.issues, currLen, inst);
                if (!isAborted)
                  isAborted = aborted(payload, currLen);
              });
            } else {
              const nextLen = payload.issues.length;
              if (nextLen === currLen)
                continue;
              attachSchema(payload.issues, currLen, inst);
              if (!isAborted)
                isAborted = aborted(payload, currLen);
            }
          }
          if (asyncResult) {
            return asyncResult.then(() => {
              return payload;
            });
          }
          return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
          if (aborted(canary)) {
            canary.aborted = true;
            return canary;
          }
          const checkResult = runChecks(payload, checks, ctx);
          if (checkResult instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
          }
          return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
          if (ctx.skipChecks) {
            return inst._zod.parse(payload, ctx);
          }
          if (ctx.direction === "backward") {
            const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
            if (canary instanceof Promise) {
              return canary.then((canary2) => {
                return handleCanaryResult(canary2, payload, ctx);
              });
            }
            return handleCanaryResult(canary, payload, ctx);
          }
          const result = inst._zod.parse(payload, ctx);
          if (result instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return result.then((result2) => runChecks(result2, checks, ctx));
          }
          return runChecks(result, checks, ctx);
        };
      }
    }, {
      // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
      get "~standard"() {
        return hide(this, "~standard", standardProps(this));
      },
      set "~standard"(value) {
        own(this, "~standard", value);
      }
    });
    toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
    $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = def.pattern ?? anyString;
      inst._zod.parse = (payload, _) => {
        if (def.coerce)
          try {
            payload.value = String(payload.value);
          } catch (_2) {
          }
        if (typeof payload.value === "string")
          return payload;
        payload.issues.push({
          expected: "string",
          code: "invalid_type",
          input: payload.value,
          inst
        });
        return payload;
      };
    });
    $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def);
      $ZodString.init(inst, def);
    });
    $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
      def.pattern ?? (def.pattern = guid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
      if (def.version) {
        const versionMap = {
          v1: 1,
          v2: 2,
          v3: 3,
          v4: 4,
          v5: 5,
          v6: 6,
          v7: 7,
          v8: 8
        };
        const v = versionMap[def.version];
        if (v === void 0)
          throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
      } else
        def.pattern ?? (def.pattern = uuid());
      $ZodStringFormat.init(inst, def);
    });
    $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
      def.pattern ?? (def.pattern = email);
      $ZodStringFormat.init(inst, def);
    });
    URL_BAD_FORMAT = 1;
    URL_UNPARSEABLE = 2;
    asciiTabOrNewline = /[\t\n\r]/g;
    $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        try {
          const trimmed = payload.value.trim();
          const url = validateURL(trimmed, def);
          if (url === URL_BAD_FORMAT) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid URL format",
              input: payload.value,
              inst,
              continue: !def.abort
            });
            return;
          }
          if (url === URL_UNPARSEABLE) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              input: payload.value,
              inst,
              continue: !def.abort
            });
            return;
          }
          if (url === true) {
            payload.value = stripTabAndNewline(trimmed);
            return;
          }
          if (def.hostname && !urlHostnameOk(url, def.hostname)) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid hostname",
              pattern: def.hostname.source,
              input: payload.value,
              inst,
              continue: !def.abort
            });
          }
          if (def.protocol && !urlProtocolOk(url, def.protocol)) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid protocol",
              pattern: def.protocol.source,
              input: payload.value,
              inst,
              continue: !def.abort
            });
          }
          payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
          return;
        } catch (_) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
      def.pattern ?? (def.pattern = emoji());
      $ZodStringFormat.init(inst, def);
    });
    $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
      if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
      def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
      $ZodStringFormat.init(inst, def);
    });
    $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
      def.pattern ?? (def.pattern = cuid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
      def.pattern ?? (def.pattern = cuid2);
      $ZodStringFormat.init(inst, def);
    });
    $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
      def.pattern ?? (def.pattern = ulid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
      def.pattern ?? (def.pattern = xid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
      def.pattern ?? (def.pattern = ksuid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
      def.pattern ?? (def.pattern = datetime(def));
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
      def.pattern ?? (def.pattern = date);
      $ZodStringFormat.init(inst, def);
    });
    $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
      def.pattern ?? (def.pattern = time(def));
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
      def.pattern ?? (def.pattern = duration);
      $ZodStringFormat.init(inst, def);
    });
    $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
      def.pattern ?? (def.pattern = ipv4);
      $ZodStringFormat.init(inst, def);
    });
    ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
    $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
      def.pattern ?? (def.pattern = ipv6);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
          payload.issues.push({
            code: "invalid_format",
            format: "ipv6",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
      def.pattern ?? (def.pattern = cidrv4);
      $ZodStringFormat.init(inst, def);
    });
    $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
      def.pattern ?? (def.pattern = cidrv6);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
          payload.issues.push({
            code: "invalid_format",
            format: "cidrv6",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
    $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
      def.pattern ?? (def.pattern = base64Charset);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "base64",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    base64urlCharset = /^[A-Za-z0-9_-]*$/;
    $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
      def.pattern ?? (def.pattern = base64urlCharset);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "base64url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
      def.pattern ?? (def.pattern = e164);
      $ZodStringFormat.init(inst, def);
    });
    $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "jwt",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = number;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Number(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
          return payload;
        }
        const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
        payload.issues.push({
          expected: "number",
          code: "invalid_type",
          input,
          inst,
          ...received ? { received } : {}
        });
        return payload;
      };
    });
    $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
      $ZodCheckNumberFormat.init(inst, def);
      $ZodNumber.init(inst, def);
    });
    $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = boolean;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Boolean(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "boolean")
          return payload;
        payload.issues.push({
          expected: "boolean",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      };
    });
    $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload) => payload;
    });
    $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
          expected: "never",
          code: "invalid_type",
          input: payload.value,
          inst
        });
        return payload;
      };
    });
    $ZodDate = /* @__PURE__ */ $constructor("$ZodDate", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
          try {
            payload.value = new Date(payload.value);
          } catch (_err) {
          }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
          return payload;
        payload.issues.push({
          expected: "date",
          code: "invalid_type",
          input,
          ...isDate ? { received: "Invalid Date" } : {},
          inst
        });
        return payload;
      };
    });
    arraySize = (input) => Array.isArray(input) ? input.length : -1;
    $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
      $ZodType.init(inst, def);
      const memo2 = globalConfig.memoizer;
      memo2 == null ? void 0 : memo2.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
          payload.issues.push({
            expected: "array",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx == null ? void 0 : ctx.abortEarly;
        for (let i = 0; i < input.length; i++) {
          const item2 = input[i];
          const result = def.element._zod.run({
            value: item2,
            issues: []
          }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
          } else {
            handleArrayResult(result, payload, i);
            if (abortEarly && result.issues.length !== 0 && aborted(result))
              break;
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
      capSize(inst, arraySize);
    });
    NO_SYMBOL_KEYS = [];
    $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
      $ZodType.init(inst, def);
      const desc = Object.getOwnPropertyDescriptor(def, "shape");
      const sh = (desc == null ? void 0 : desc.get) ? desc.get.raw : def.shape ?? {};
      if (sh) {
        const get3 = () => {
          const newSh = { ...sh };
          Object.defineProperty(def, "shape", { value: newSh });
          get3.raw = newSh;
          return newSh;
        };
        get3.raw = sh;
        Object.defineProperty(def, "shape", { get: get3 });
      }
      const _normalized = cached(() => normalizeDef(def));
      defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
          const field = shape[key]._zod;
          if (field.values) {
            if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
              assignProp(propValues, key, /* @__PURE__ */ new Set());
            }
            for (const v of field.values)
              propValues[key].add(v);
            if (field.optin !== void 0)
              propValues[key].add(void 0);
          }
        }
        return propValues;
      });
      const isObject2 = isObject;
      const catchall = def.catchall;
      let value;
      const memo2 = globalConfig.memoizer;
      memo2 == null ? void 0 : memo2.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject2(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx == null ? void 0 : ctx.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
          if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
              break;
            seen = payload.issues.length;
          }
          if (key === "__proto__")
            continue;
          const el = shape[key];
          const optin = el._zod.optin;
          const optout = el._zod.optout;
          const r = el._zod.run({ value: input[key], issues: [] }, ctx);
          if (r instanceof Promise) {
            proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
          } else {
            handlePropertyResult(r, payload, key, input, optin, optout);
          }
        }
        if (!catchall) {
          return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
      };
    });
    $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
      $ZodObject.init(inst, def);
      const superParse = inst._zod.parse;
      const _normalized = cached(() => normalizeDef(def));
      const memo2 = globalConfig.memoizer;
      const generateFastpass = (shape) => {
        var _a3, _b;
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = /* @__PURE__ */ Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
          ids[key] = `key_${counter++}`;
        }
        doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
          if (key === "__proto__")
            continue;
          const id = ids[key];
          const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
          const isPresent = `${k} in input`;
          const schema = shape[key];
          const optin = (_a3 = schema == null ? void 0 : schema._zod) == null ? void 0 : _a3.optin;
          const isOptionalIn = optin !== void 0;
          const isOptionalOut = ((_b = schema == null ? void 0 : schema._zod) == null ? void 0 : _b.optout) === "optional";
          doc.write(`const ${id} = ${parseStr(k)};`);
          if (isOptionalIn && isOptionalOut) {
            const assign2 = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
            doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign2}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
          } else if (!isOptionalIn) {
            doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
          } else {
            doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
            if (optin === "defaulted") {
              doc.write(`newResult[${k}] = ${id}.value;`);
            } else {
              doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
            }
          }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        return doc.compile();
      };
      let fastpass;
      const isObject2 = isObject;
      const jit = !globalConfig.jitless;
      const allowsEval2 = allowsEval;
      const fastEnabled = jit && allowsEval2.value;
      const catchall = def.catchall;
      let value;
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject2(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        if (jit && fastEnabled && (ctx == null ? void 0 : ctx.async) === false && ctx.jitless !== true) {
          if (!fastpass)
            fastpass = generateFastpass(def.shape);
          payload = fastpass(payload, ctx);
          if (!catchall)
            return payload;
          return handleCatchall([], input, payload, ctx, value, inst, (ctx == null ? void 0 : ctx.abortEarly) === true);
        }
        return superParse(payload, ctx);
      };
    });
    $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
      defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
      defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
          return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return void 0;
      });
      defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
          const patterns = zod.def.options.map((o) => o._zod.pattern);
          return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return void 0;
      });
      const first = def.options.length === 1 ? def.options[0]._zod.run : null;
      inst._zod.parse = (payload, ctx) => {
        if (first) {
          return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
          const result = option._zod.run({
            value: payload.value,
            issues: []
          }, ctx);
          if (result instanceof Promise) {
            results.push(result);
            async = true;
          } else {
            if (result.issues.length === 0)
              return result;
            results.push(result);
          }
        }
        if (!async)
          return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results2) => {
          return handleUnionResults(results2, payload, inst, ctx);
        });
      };
    });
    $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
          return Promise.all([left, right]).then(([left2, right2]) => {
            return handleIntersectionResults(payload, left2, right2);
          });
        }
        return handleIntersectionResults(payload, left, right);
      };
    });
    $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
      $ZodType.init(inst, def);
      const memo2 = globalConfig.memoizer;
      memo2 == null ? void 0 : memo2.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
          payload.issues.push({
            expected: "record",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
          payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
          const recordKeys = /* @__PURE__ */ new Set();
          for (const key of values) {
            if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
              recordKeys.add(typeof key === "number" ? key.toString() : key);
              if (key === "__proto__")
                continue;
              const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
              if (keyResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (keyResult.issues.length) {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
                continue;
              }
              const outKey = keyResult.value;
              if (outKey === "__proto__")
                continue;
              const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
              if (result instanceof Promise) {
                proms.push(result.then((result2) => {
                  if (result2.issues.length) {
                    payload.issues.push(...prefixIssues(key, result2.issues));
                  }
                  payload.value[outKey] = result2.value;
                }));
              } else {
                if (result.issues.length) {
                  payload.issues.push(...prefixIssues(key, result.issues));
                }
                payload.value[outKey] = result.value;
              }
            }
          }
          let unrecognized;
          for (const key in input) {
            if (!recordKeys.has(key)) {
              if (def.mode === "loose") {
                if (key === "__proto__")
                  continue;
                payload.value[key] = input[key];
              } else {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              }
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        } else {
          payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
          let unrecognized;
          for (const key of Reflect.ownKeys(input)) {
            if (key === "__proto__")
              continue;
            if (!Object.prototype.propertyIsEnumerable.call(input, key))
              continue;
            let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            if (keyResult instanceof Promise) {
              throw new Error("Async schemas not supported in object keys currently");
            }
            const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
            if (checkNumericKey) {
              const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
              if (retryResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (retryResult.issues.length === 0) {
                keyResult = retryResult;
              }
            }
            if (keyResult.issues.length) {
              if (def.mode === "loose") {
                payload.value[key] = input[key];
              } else if (values) {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              } else {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
              }
              continue;
            }
            const outKey = keyResult.value;
            if (outKey === "__proto__")
              continue;
            const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
            if (result instanceof Promise) {
              proms.push(result.then((result2) => {
                if (result2.issues.length) {
                  payload.issues.push(...prefixIssues(key, result2.issues));
                }
                payload.value[outKey] = result2.value;
              }));
            } else {
              if (result.issues.length) {
                payload.issues.push(...prefixIssues(key, result.issues));
              }
              payload.value[outKey] = result.value;
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
    });
    $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
      $ZodType.init(inst, def);
      const values = getEnumValues(def.entries);
      const valuesSet = new Set(values);
      inst._zod.values = valuesSet;
      defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
      });
      inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
          return payload;
        }
        payload.issues.push({
          code: "invalid_value",
          values,
          input,
          inst
        });
        return payload;
      };
    });
    $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
      var _a3;
      $ZodType.init(inst, def);
      inst._zod.optin = "optional";
      (_a3 = globalConfig.memoizer) == null ? void 0 : _a3.guard(inst);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
          const output = _out instanceof Promise ? _out : Promise.resolve(_out);
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        if (_out instanceof Promise) {
          throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
      };
    });
    $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
      inst._zod.optout = "optional";
      defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
      });
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === void 0) {
          if (def.innerType._zod.optin !== "defaulted")
            return payload;
          const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
          if (result instanceof Promise)
            return result.then((result2) => handleOptionalResult(payload, result2));
          return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
      $ZodOptional.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
      inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
      });
      defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === null)
          return payload;
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "defaulted";
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        if (payload.value === void 0) {
          payload.value = def.defaultValue;
          return payload;
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleDefaultResult(result2, def));
        }
        return handleDefaultResult(result, def);
      };
    });
    $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "defaulted";
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        if (payload.value === void 0) {
          payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleNonOptionalResult(result2, inst));
        }
        return handleNonOptionalResult(result, inst);
      };
    });
    $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleCatchResult(payload, result2, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
      };
    });
    $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
      defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          const right = def.out._zod.run(payload, ctx);
          if (right instanceof Promise) {
            return right.then((right2) => handlePipeResult(right2, def.in, ctx));
          }
          return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
          return left.then((left2) => handlePipeResult(left2, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
      };
    });
    $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      defineLazyInternal(inst, "optin", (zod) => {
        var _a3, _b;
        return (_b = (_a3 = zod.def.innerType) == null ? void 0 : _a3._zod) == null ? void 0 : _b.optin;
      });
      defineLazyInternal(inst, "optout", (zod) => {
        var _a3, _b;
        return (_b = (_a3 = zod.def.innerType) == null ? void 0 : _a3._zod) == null ? void 0 : _b.optout;
      });
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
      };
    });
    $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
      $ZodCheck.init(inst, def);
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _) => {
        return payload;
      };
      inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
          return r.then((r2) => handleRefineResult(r2, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
      };
    });
  }
});

// node_modules/zod/v4/core/memoizer.js
function isRef(value) {
  return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
  return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
}
function isRecursive(inst, stack, resolve) {
  const cached2 = recursive.get(inst);
  if (cached2 !== void 0)
    return cached2 ? PROVEN : NONE;
  if (stack.has(inst))
    return PROVEN;
  stack.add(inst);
  let result = NONE;
  const check = (child) => {
    if (result !== PROVEN && (child == null ? void 0 : child._zod)) {
      const answer = isRecursive(child, stack, resolve);
      if (answer > result)
        result = answer;
    }
  };
  const shape = (sh, spread) => {
    var _a3;
    let answer = NONE;
    for (const key of Reflect.ownKeys(sh)) {
      const desc = Object.getOwnPropertyDescriptor(sh, key);
      if (spread && !desc.enumerable)
        continue;
      const child = desc.get ? ASSUMED : ((_a3 = desc.value) == null ? void 0 : _a3._zod) ? isRecursive(desc.value, stack, resolve) : NONE;
      if (child > answer)
        answer = child;
    }
    return answer;
  };
  const merge2 = (answer) => {
    if (answer > result)
      result = answer;
  };
  const def = inst._zod.def;
  const kind = def.type;
  switch (kind) {
    case "object": {
      const raw = rawShape(def);
      merge2(raw ? shape(raw, true) : ASSUMED);
      check(def.catchall);
      break;
    }
    case "array":
      check(def.element);
      break;
    case "tuple":
      for (const el of def.items)
        check(el);
      check(def.rest);
      break;
    case "record":
    case "map":
      check(def.keyType);
      check(def.valueType);
      break;
    case "set":
      check(def.valueType);
      break;
    case "union":
      for (const el of def.options)
        check(el);
      break;
    case "intersection":
      check(def.left);
      check(def.right);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
    case "success":
      check(def.innerType);
      break;
    case "pipe":
      check(def.in);
      check(def.out);
      break;
    case "function":
      check(def.input);
      check(def.output);
      break;
    // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
    case "lazy": {
      const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : void 0);
      merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
      break;
    }
    // a leaf by choice: `parts` are regex fragments, not data positions
    case "template_literal":
    // leaves
    case "string":
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "null":
    case "void":
    case "never":
    case "any":
    case "unknown":
    case "date":
    case "nan":
    case "enum":
    case "literal":
    case "file":
    case "transform":
    case "custom":
      break;
    default: {
      kind;
      for (const key in def) {
        const desc = Object.getOwnPropertyDescriptor(def, key);
        if (!desc || desc.get)
          continue;
        const value = desc.value;
        if (!value || typeof value !== "object")
          continue;
        if (value._zod)
          check(value);
        else if (Array.isArray(value))
          for (const el of value)
            check(el);
      }
    }
  }
  stack.delete(inst);
  return settle(inst, result);
}
function settle(inst, answer) {
  if (answer !== ASSUMED)
    recursive.set(inst, answer === PROVEN);
  return answer;
}
function bucketFor(state, inst) {
  let bucket = state.buckets.get(inst);
  if (!bucket) {
    bucket = /* @__PURE__ */ new WeakMap();
    state.buckets.set(inst, bucket);
  }
  return bucket;
}
function memoizer() {
  return memo;
}
function isBackEdge(ctx, value) {
  var _a3;
  const backEdges = (_a3 = ctx[STATE]) == null ? void 0 : _a3.backEdges;
  return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}
var $ZodCyclicError, STATE, NO_ISSUES, recursive, NONE, ASSUMED, PROVEN, handoff, open, memo;
var init_memoizer = __esm({
  "node_modules/zod/v4/core/memoizer.js"() {
    init_util();
    $ZodCyclicError = class extends Error {
      constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
      }
    };
    STATE = "~memo";
    NO_ISSUES = [];
    recursive = /* @__PURE__ */ new WeakMap();
    NONE = 0;
    ASSUMED = 1;
    PROVEN = 2;
    open = [];
    memo = {
      alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
          return empty;
        handoff = void 0;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
      },
      guard(inst) {
        var _a3;
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred.push(() => {
          const base = inst._zod.parse;
          const wrapped = (payload, ctx) => {
            if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
              throw new $ZodCyclicError();
            return base(payload, ctx);
          };
          inst._zod.parse = wrapped;
          if (inst._zod.run === base)
            inst._zod.run = wrapped;
        });
      },
      attach(inst) {
        var _a3;
        let isRecursiveInst;
        let rechecked = false;
        let lastCtx;
        let lastBucket;
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred.push(() => {
          const base = inst._zod.parse;
          const wrapped = (payload, ctx) => {
            if (isRecursiveInst === void 0) {
              const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
              if (walked === NONE) {
                inst._zod.parse = base;
                if (inst._zod.run === wrapped)
                  inst._zod.run = base;
                return base(payload, ctx);
              }
              if (walked === PROVEN || rechecked)
                isRecursiveInst = true;
              else
                rechecked = true;
            }
            const input = payload.value;
            if (!isRef(input))
              return base(payload, ctx);
            let state = ctx[STATE];
            if (!state) {
              state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
              ctx[STATE] = state;
            }
            let bucket;
            if (lastCtx === ctx) {
              bucket = lastBucket;
            } else {
              bucket = bucketFor(state, inst);
              lastCtx = ctx;
              lastBucket = bucket;
            }
            const hit = bucket.get(input);
            if (hit) {
              payload.value = hit.value;
              if (hit.issues) {
                if (hit.issues.length)
                  payload.issues.push(...cloneIssues(hit.issues));
              } else {
                payload.memo = true;
                state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
                state.backEdges.add(hit.value);
              }
              return payload;
            }
            handoff = bucket;
            const depth = open.length;
            const result = base(payload, ctx);
            handoff = void 0;
            const entry = open.length > depth ? open.pop() : void 0;
            if (result instanceof Promise) {
              return result.then((r) => {
                if (entry)
                  entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                return r;
              });
            }
            if (entry)
              entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
            return result;
          };
          inst._zod.parse = wrapped;
          if (inst._zod.run === base)
            inst._zod.run = wrapped;
        });
      }
    };
  }
});

// node_modules/zod/v4/locales/en.js
function en_default() {
  return {
    localeError: error()
  };
}
var error;
var init_en = __esm({
  "node_modules/zod/v4/locales/en.js"() {
    init_util();
    error = () => {
      const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" }
      };
      function getSizing(origin) {
        return Sizable[origin] ?? null;
      }
      const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input"
      };
      const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN"
        // All other type names omitted - they fall back to raw values via ?? operator
      };
      function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
          return String(input);
        }
        return TypeDictionary[type] ?? type;
      }
      return (issue2) => {
        switch (issue2.code) {
          case "invalid_type": {
            const expected = getTypeName(issue2.expected);
            const receivedType = parsedType(issue2.input);
            const received = getTypeName(receivedType, issue2.input);
            return `Invalid input: expected ${expected}, received ${received}`;
          }
          case "invalid_value":
            if (issue2.values.length === 1)
              return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
            return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
          case "too_big": {
            const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
            const sizing = getSizing(issue2.origin);
            if (sizing)
              return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
            return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
          }
          case "too_small": {
            const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
            const sizing = getSizing(issue2.origin);
            if (sizing) {
              return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
            }
            return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
          }
          case "invalid_format": {
            const _issue = issue2;
            if (_issue.format === "starts_with") {
              return `Invalid string: must start with "${_issue.prefix}"`;
            }
            if (_issue.format === "ends_with")
              return `Invalid string: must end with "${_issue.suffix}"`;
            if (_issue.format === "includes")
              return `Invalid string: must include "${_issue.includes}"`;
            if (_issue.format === "regex")
              return `Invalid string: must match pattern ${_issue.pattern}`;
            return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
          }
          case "not_multiple_of":
            return `Invalid number: must be a multiple of ${issue2.divisor}`;
          case "unrecognized_keys":
            return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
          case "invalid_key":
            return `Invalid key in ${issue2.origin}`;
          case "invalid_union":
            if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
              const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
              return `Invalid discriminator value. Expected ${opts}`;
            }
            if (issue2.inclusive === false) {
              return "Invalid input: more than one option matched";
            }
            return "Invalid input";
          case "invalid_element":
            return `Invalid value in ${issue2.origin}`;
          default:
            return `Invalid input`;
        }
      };
    };
  }
});

// node_modules/zod/v4/locales/zh-CN.js
function zh_CN_default() {
  return {
    localeError: error2()
  };
}
var error2;
var init_zh_CN = __esm({
  "node_modules/zod/v4/locales/zh-CN.js"() {
    init_util();
    error2 = () => {
      const Sizable = {
        string: { unit: "字符", verb: "包含" },
        file: { unit: "字节", verb: "包含" },
        array: { unit: "项", verb: "包含" },
        set: { unit: "项", verb: "包含" },
        map: { unit: "项", verb: "包含" }
      };
      function getSizing(origin) {
        return Sizable[origin] ?? null;
      }
      const FormatDictionary = {
        regex: "输入",
        email: "电子邮件",
        url: "URL",
        emoji: "表情符号",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO日期时间",
        date: "ISO日期",
        time: "ISO时间",
        duration: "ISO时长",
        ipv4: "IPv4地址",
        ipv6: "IPv6地址",
        mac: "MAC地址",
        cidrv4: "IPv4网段",
        cidrv6: "IPv6网段",
        base64: "base64编码字符串",
        base64url: "base64url编码字符串",
        json_string: "JSON字符串",
        e164: "E.164号码",
        credit_card: "信用卡号",
        currency_code: "货币代码",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "输入"
      };
      const TypeDictionary = {
        nan: "NaN",
        number: "数字",
        array: "数组",
        null: "空值(null)"
      };
      return (issue2) => {
        switch (issue2.code) {
          case "invalid_type": {
            const expected = TypeDictionary[issue2.expected] ?? issue2.expected;
            const receivedType = parsedType(issue2.input);
            const received = TypeDictionary[receivedType] ?? receivedType;
            if (/^[A-Z]/.test(issue2.expected)) {
              return `无效输入：期望 instanceof ${issue2.expected}，实际接收 ${received}`;
            }
            return `无效输入：期望 ${expected}，实际接收 ${received}`;
          }
          case "invalid_value":
            if (issue2.values.length === 1)
              return `无效输入：期望 ${stringifyPrimitive(issue2.values[0])}`;
            return `无效选项：期望以下之一 ${joinValues(issue2.values, "|")}`;
          case "too_big": {
            const adj = issue2.inclusive ? "<=" : "<";
            const sizing = getSizing(issue2.origin);
            if (sizing)
              return `数值过大：期望 ${issue2.origin ?? "值"} ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "个元素"}`;
            return `数值过大：期望 ${issue2.origin ?? "值"} ${adj}${issue2.maximum.toString()}`;
          }
          case "too_small": {
            const adj = issue2.inclusive ? ">=" : ">";
            const sizing = getSizing(issue2.origin);
            if (sizing) {
              return `数值过小：期望 ${issue2.origin} ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
            }
            return `数值过小：期望 ${issue2.origin} ${adj}${issue2.minimum.toString()}`;
          }
          case "invalid_format": {
            const _issue = issue2;
            if (_issue.format === "starts_with")
              return `无效字符串：必须以 "${_issue.prefix}" 开头`;
            if (_issue.format === "ends_with")
              return `无效字符串：必须以 "${_issue.suffix}" 结尾`;
            if (_issue.format === "includes")
              return `无效字符串：必须包含 "${_issue.includes}"`;
            if (_issue.format === "regex")
              return `无效字符串：必须满足正则表达式 ${_issue.pattern}`;
            return `无效${FormatDictionary[_issue.format] ?? issue2.format}`;
          }
          case "not_multiple_of":
            return `无效数字：必须是 ${issue2.divisor} 的倍数`;
          case "unrecognized_keys":
            return `出现未知的键(key): ${joinValues(issue2.keys, ", ")}`;
          case "invalid_key":
            return `${issue2.origin} 中的键(key)无效`;
          case "invalid_union":
            return "无效输入";
          case "invalid_element":
            return `${issue2.origin} 中包含无效值(value)`;
          default:
            return `无效输入`;
        }
      };
    };
  }
});

// node_modules/zod/v4/locales/index.js
var init_locales = __esm({
  "node_modules/zod/v4/locales/index.js"() {
    init_zh_CN();
  }
});

// node_modules/zod/v4/core/registries.js
function registry() {
  return new $ZodRegistry();
}
var _a2, $ZodRegistry, globalRegistry;
var init_registries = __esm({
  "node_modules/zod/v4/core/registries.js"() {
    $ZodRegistry = class {
      constructor() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
      }
      add(schema, ..._meta) {
        const meta2 = _meta[0];
        this._map.set(schema, meta2);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.set(meta2.id, schema);
        }
        return this;
      }
      clear() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
        return this;
      }
      remove(schema) {
        const meta2 = this._map.get(schema);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.delete(meta2.id);
        }
        this._map.delete(schema);
        return this;
      }
      get(schema) {
        const p = schema._zod.parent;
        if (p) {
          const pm = { ...this.get(p) ?? {} };
          delete pm.id;
          const f = { ...pm, ...this._map.get(schema) };
          return Object.keys(f).length ? f : void 0;
        }
        return this._map.get(schema);
      }
      has(schema) {
        return this._map.has(schema);
      }
    };
    (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
    globalRegistry = globalThis.__zod_globalRegistry;
  }
});

// node_modules/zod/v4/core/compile.js
var init_compile = __esm({
  "node_modules/zod/v4/core/compile.js"() {
  }
});

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class2, params) {
  return new Class2({
    type: "string",
    format: "email",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class2, params) {
  return new Class2({
    type: "string",
    format: "guid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v4",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v6",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v7",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _url(Class2, params) {
  return new Class2({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _emoji2(Class2, params) {
  return new Class2({
    type: "string",
    format: "emoji",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class2, params) {
  return new Class2({
    type: "string",
    format: "nanoid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid2",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ulid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class2, params) {
  return new Class2({
    type: "string",
    format: "xid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ksuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class2, params) {
  return new Class2({
    type: "string",
    format: "e164",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class2, params) {
  return new Class2({
    type: "string",
    format: "jwt",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class2, params) {
  return new Class2({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class2, params) {
  return new Class2({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class2, params) {
  return new Class2({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class2) {
  return new Class2({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class2, params) {
  return new Class2({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _date(Class2, params) {
  return new Class2({
    type: "date",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: "multiple_of",
    ...normalizeParams(params),
    value
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: "string_format",
    format: "lowercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: "string_format",
    format: "uppercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...normalizeParams(params),
    includes
  });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...normalizeParams(params),
    prefix
  });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: "string_format",
    format: "ends_with",
    ...normalizeParams(params),
    suffix
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
  return /* @__PURE__ */ _overwrite((input) => input.normalize(form));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
  return /* @__PURE__ */ _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class2, element, params) {
  return new Class2({
    type: "array",
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  const ch = /* @__PURE__ */ _check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(issue(_issue));
      }
    };
    return fn(payload.value, payload);
  }, params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  const ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  ch._zod.check = fn;
  return ch;
}
var init_api = __esm({
  "node_modules/zod/v4/core/api.js"() {
    init_checks();
    init_util();
  }
});

// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
  for (const source of sources) {
    for (const key of Reflect.ownKeys(source)) {
      if (Object.prototype.propertyIsEnumerable.call(source, key)) {
        assignProp(target, key, source[key]);
      }
    }
  }
  return target;
}
function initializeContext(params) {
  let target = (params == null ? void 0 : params.target) ?? "draft-2020-12";
  if (target === "draft-4")
    target = "draft-04";
  if (target === "draft-7")
    target = "draft-07";
  return {
    processors: params.processors ?? {},
    metadataRegistry: (params == null ? void 0 : params.metadata) ?? globalRegistry,
    target,
    unrepresentable: (params == null ? void 0 : params.unrepresentable) ?? "throw",
    override: (params == null ? void 0 : params.override) ?? (() => {
    }),
    io: (params == null ? void 0 : params.io) ?? "output",
    counter: 0,
    seen: /* @__PURE__ */ new Map(),
    sharedDefsExtractedFor: void 0,
    sharedEmitDoneFor: void 0,
    cycles: (params == null ? void 0 : params.cycles) ?? "ref",
    reused: (params == null ? void 0 : params.reused) ?? "inline",
    intersections: [],
    deferred: [],
    external: (params == null ? void 0 : params.external) ?? void 0
  };
}
function handleUnrepresentable(schema, ctx, json, params, message) {
  const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx.unrepresentable;
  if (result === "any")
    return false;
  if (result === void 0 || result === "throw")
    throw new Error(message);
  Object.assign(json, result);
  return true;
}
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
  var _a4, _b;
  var _a3;
  const def = schema._zod.def;
  const seen = ctx.seen.get(schema);
  if (seen) {
    seen.count++;
    const isCycle = _params.schemaPath.includes(schema);
    if (isCycle) {
      seen.cycle = _params.path;
    }
    return seen.schema;
  }
  const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
  ctx.seen.set(schema, result);
  ctx.sharedDefsExtractedFor = void 0;
  ctx.sharedEmitDoneFor = void 0;
  const overrideSchema = (_b = (_a4 = schema._zod).toJSONSchema) == null ? void 0 : _b.call(_a4);
  if (overrideSchema) {
    result.schema = overrideSchema;
  } else {
    const params = {
      ..._params,
      schemaPath: [..._params.schemaPath, schema],
      path: _params.path
    };
    if (schema._zod.processJSONSchema) {
      schema._zod.processJSONSchema(ctx, result.schema, params);
    } else {
      const _json = result.schema;
      const processor = ctx.processors[def.type];
      if (!processor) {
        throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
      }
      processor(schema, ctx, _json, params);
    }
    const parent = schema._zod.parent;
    if (parent) {
      if (!result.ref)
        result.ref = parent;
      processSchema(parent, ctx, params);
      ctx.seen.get(parent).isParent = true;
    }
  }
  const meta2 = ctx.metadataRegistry.get(schema);
  if (meta2)
    assignProps(result.schema, meta2);
  if (ctx.io === "input" && isTransforming(schema)) {
    delete result.schema.examples;
    delete result.schema.default;
  }
  if (ctx.io === "input" && "_prefault" in result.schema)
    (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
  delete result.schema._prefault;
  const _result = ctx.seen.get(schema);
  return _result.schema;
}
function encodeJSONPointerSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
  var _a3, _b, _c, _d;
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
    return;
  const idToSchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.entries()) {
    const id = (_a3 = ctx.metadataRegistry.get(entry[0])) == null ? void 0 : _a3.id;
    if (id) {
      const existing = idToSchema.get(id);
      if (existing && existing !== entry[0]) {
        throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
      }
      idToSchema.set(id, entry[0]);
    }
  }
  const makeURI = (entry) => {
    var _a4;
    const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
    if (ctx.external) {
      const externalId = (_a4 = ctx.external.registry.get(entry[0])) == null ? void 0 : _a4.id;
      const uriGenerator = ctx.external.uri ?? ((id2) => id2);
      if (externalId) {
        return { ref: uriGenerator(externalId) };
      }
      const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
      entry[1].defId = id;
      return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
    }
    const uriPrefix = `#`;
    const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
    if (entry[1] === root && !entry[1].schema.id) {
      return { ref: uriPrefix };
    }
    const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
    return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
  };
  const extractToDef = (entry) => {
    if (entry[1].schema.$ref) {
      return;
    }
    const seen = entry[1];
    const { ref, defId } = makeURI(entry);
    seen.def = { ...seen.schema };
    if (defId)
      seen.defId = defId;
    const schema2 = seen.schema;
    for (const key in schema2) {
      delete schema2[key];
    }
    schema2.$ref = ref;
  };
  if (ctx.cycles === "throw") {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.cycle) {
        throw new Error(`Cycle detected: #/${(_b = seen.cycle) == null ? void 0 : _b.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
      }
    }
  }
  for (const entry of ctx.seen.entries()) {
    const seen = entry[1];
    if (schema === entry[0]) {
      extractToDef(entry);
      continue;
    }
    if (ctx.external) {
      const ext = (_c = ctx.external.registry.get(entry[0])) == null ? void 0 : _c.id;
      if (schema !== entry[0] && ext) {
        extractToDef(entry);
        continue;
      }
    }
    const id = (_d = ctx.metadataRegistry.get(entry[0])) == null ? void 0 : _d.id;
    if (id) {
      extractToDef(entry);
      continue;
    }
    if (seen.cycle) {
      extractToDef(entry);
      continue;
    }
    if (seen.count > 1) {
      if (ctx.reused === "ref") {
        extractToDef(entry);
      }
    }
  }
  if (ctx.external)
    ctx.sharedDefsExtractedFor = ctx.external;
}
function compactTypeUnion(schema) {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
    return;
  const types = [];
  for (const option of options) {
    if (!option || typeof option !== "object")
      return;
    compactTypeUnion(option);
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== "type")
      return;
    const type = option.type;
    for (const member3 of Array.isArray(type) ? type : [type]) {
      if (typeof member3 !== "string")
        return;
      if (!types.includes(member3))
        types.push(member3);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
function undeclaredConstraint(member3) {
  const extra = member3.additionalProperties;
  if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
    return null;
  return Object.keys(extra).length ? extra : null;
}
function foldObjects(members4) {
  var _a3;
  const objects = [];
  for (const member3 of members4) {
    if (typeof member3 !== "object" || member3.type !== "object")
      return null;
    for (const key in member3) {
      if (!FOLDABLE_KEYS.has(key))
        return null;
    }
    objects.push(member3);
  }
  const properties = {};
  const required2 = /* @__PURE__ */ new Set();
  for (const object2 of objects) {
    for (const key in object2.properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key))
        continue;
      const parts = [];
      for (const other of objects) {
        const part = ((_a3 = other.properties) == null ? void 0 : _a3[key]) ?? undeclaredConstraint(other);
        if (part === null || part === void 0)
          continue;
        if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
          parts.push(part);
      }
      const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
      assignProp(properties, key, merged);
    }
    for (const key of object2.required ?? [])
      required2.add(key);
  }
  const folded = { type: "object", properties };
  if (required2.size)
    folded.required = [...required2];
  if (objects.every((object2) => object2.additionalProperties === false)) {
    folded.additionalProperties = false;
  } else {
    const constraints = [];
    for (const object2 of objects) {
      const constraint = undeclaredConstraint(object2);
      if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
        constraints.push(constraint);
    }
    if (constraints.length === 1)
      folded.additionalProperties = constraints[0];
    else if (constraints.length > 1)
      folded.additionalProperties = { allOf: constraints };
  }
  return folded;
}
function foldIntersection(json) {
  const allOf = json.allOf;
  if (!Array.isArray(allOf) || allOf.length < 2)
    return;
  for (const key of FOLDABLE_KEYS)
    if (key in json)
      return;
  const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
  let folded = null;
  if (!unions.length) {
    folded = foldObjects(allOf);
  } else {
    const union2 = unions[0];
    const keyword = UNION_KEYS.find((k) => Array.isArray(union2[k]));
    if (Object.keys(union2).length !== 1)
      return;
    const rest = allOf.filter((m) => m !== union2);
    const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
    if (branches.some((b) => !b))
      return;
    folded = { [keyword]: branches };
  }
  if (!folded)
    return;
  delete json.allOf;
  assignProps(json, folded);
}
function finalize(ctx, schema) {
  var _a3, _b, _c, _d;
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  const flattenRef = (zodSchema) => {
    const seen = ctx.seen.get(zodSchema);
    if (seen.ref === null)
      return;
    const schema2 = seen.def ?? seen.schema;
    const _cached = { ...schema2 };
    const ref = seen.ref;
    seen.ref = null;
    if (ref) {
      flattenRef(ref);
      const refSeen = ctx.seen.get(ref);
      const refSchema = refSeen.schema;
      if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
        schema2.allOf = schema2.allOf ?? [];
        schema2.allOf.push(refSchema);
      } else {
        assignProps(schema2, refSchema);
      }
      assignProps(schema2, _cached);
      const isParentRef = zodSchema._zod.parent === ref;
      if (isParentRef) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (!(key in _cached)) {
            delete schema2[key];
          }
        }
      }
      if (refSchema.$ref && refSeen.def) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
            delete schema2[key];
          }
        }
      }
    }
    const parent = zodSchema._zod.parent;
    if (parent && parent !== ref) {
      flattenRef(parent);
      const parentSeen = ctx.seen.get(parent);
      if (parentSeen == null ? void 0 : parentSeen.schema.$ref) {
        schema2.$ref = parentSeen.schema.$ref;
        if (parentSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
    }
    ctx.override({
      zodSchema,
      jsonSchema: schema2,
      path: seen.path ?? []
    });
  };
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of [...ctx.seen.entries()].reverse()) {
      flattenRef(entry[0]);
    }
    if (ctx.target !== "openapi-3.0") {
      for (const entry of ctx.seen.entries()) {
        compactTypeUnion(entry[1].def ?? entry[1].schema);
      }
    }
    for (const rewrite of ctx.deferred)
      rewrite();
    if (ctx.intersections.length) {
      const carriers = /* @__PURE__ */ new Map();
      for (const seen of ctx.seen.values()) {
        for (const json of [seen.schema, seen.def]) {
          const allOf = json == null ? void 0 : json.allOf;
          if (!Array.isArray(allOf))
            continue;
          const existing = carriers.get(allOf);
          if (existing)
            existing.push(json);
          else
            carriers.set(allOf, [json]);
        }
      }
      for (const allOf of ctx.intersections) {
        for (const json of carriers.get(allOf) ?? [])
          foldIntersection(json);
      }
    }
  }
  const result = {};
  if (ctx.target === "draft-2020-12") {
    result.$schema = "https://json-schema.org/draft/2020-12/schema";
  } else if (ctx.target === "draft-07") {
    result.$schema = "http://json-schema.org/draft-07/schema#";
  } else if (ctx.target === "draft-04") {
    result.$schema = "http://json-schema.org/draft-04/schema#";
  } else if (ctx.target === "openapi-3.0") {
  } else {
  }
  if ((_a3 = ctx.external) == null ? void 0 : _a3.uri) {
    const id = (_b = ctx.external.registry.get(schema)) == null ? void 0 : _b.id;
    if (!id)
      throw new Error("Schema is missing an `id` property");
    result.$id = ctx.external.uri(id);
  }
  assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
  const rootMetaId = (_c = ctx.metadataRegistry.get(schema)) == null ? void 0 : _c.id;
  if (rootMetaId !== void 0 && result.id === rootMetaId)
    delete result.id;
  const defs = ((_d = ctx.external) == null ? void 0 : _d.defs) ?? {};
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        if (seen.def.id === seen.defId)
          delete seen.def.id;
        assignProp(defs, seen.defId, seen.def);
      }
    }
  }
  if (ctx.external)
    ctx.sharedEmitDoneFor = ctx.external;
  if (ctx.external) {
  } else {
    if (Object.keys(defs).length > 0) {
      if (ctx.target === "draft-2020-12") {
        result.$defs = defs;
      } else {
        result.definitions = defs;
      }
    }
  }
  try {
    const finalized = JSON.parse(JSON.stringify(result));
    Object.defineProperty(finalized, "~standard", {
      value: {
        ...schema["~standard"],
        jsonSchema: {
          input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
          output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
        }
      },
      enumerable: false,
      writable: false
    });
    return finalized;
  } catch (_err) {
    throw new Error("Error converting schema to JSON.");
  }
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema))
    return false;
  ctx.seen.add(_schema);
  const def = _schema._zod.def;
  if (def.type === "transform")
    return true;
  if (def.type === "array")
    return isTransforming(def.element, ctx);
  if (def.type === "set")
    return isTransforming(def.valueType, ctx);
  if (def.type === "lazy")
    return isTransforming(def.getter(), ctx);
  if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
    return isTransforming(def.innerType, ctx);
  }
  if (def.type === "intersection") {
    return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
  }
  if (def.type === "record" || def.type === "map") {
    return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
  }
  if (def.type === "pipe") {
    if (_schema._zod.traits.has("$ZodCodec"))
      return true;
    return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
  }
  if (def.type === "object") {
    for (const key in def.shape) {
      if (isTransforming(def.shape[key], ctx))
        return true;
    }
    return false;
  }
  if (def.type === "union") {
    for (const option of def.options) {
      if (isTransforming(option, ctx))
        return true;
    }
    return false;
  }
  if (def.type === "tuple") {
    for (const item2 of def.items) {
      if (isTransforming(item2, ctx))
        return true;
    }
    if (def.rest && isTransforming(def.rest, ctx))
      return true;
    return false;
  }
  return false;
}
var FOLDABLE_KEYS, UNION_KEYS, createToJSONSchemaMethod, createStandardJSONSchemaMethod;
var init_to_json_schema = __esm({
  "node_modules/zod/v4/core/to-json-schema.js"() {
    init_registries();
    init_util();
    FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
    UNION_KEYS = ["oneOf", "anyOf"];
    createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
      const ctx = initializeContext({ ...params, processors });
      processSchema(schema, ctx);
      extractDefs(ctx, schema);
      return finalize(ctx, schema);
    };
    createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
      const { libraryOptions, target } = params ?? {};
      const ctx = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
      processSchema(schema, ctx);
      extractDefs(ctx, schema);
      return finalize(ctx, schema);
    };
  }
});

// node_modules/zod/v4/core/json-schema-processors.js
function aggregateChecks(schema) {
  var _a3;
  const agg = {};
  const def = schema._zod.def;
  const list5 = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
  for (const ch of list5)
    (_a3 = contributors[ch._zod.def.check]) == null ? void 0 : _a3.call(contributors, agg, ch._zod.def);
  const bag = schema._zod.bag;
  if (bag.minimum !== void 0)
    narrowMin(agg, "minimum", bag.minimum);
  if (bag.exclusiveMinimum !== void 0)
    narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
  if (bag.maximum !== void 0)
    narrowMax(agg, "maximum", bag.maximum);
  if (bag.exclusiveMaximum !== void 0)
    narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
  if (bag.multipleOf !== void 0)
    addDivisor(agg, bag.multipleOf);
  if (bag.format !== void 0) {
    agg.format ?? (agg.format = bag.format);
    if (bag.format.includes("int"))
      agg.isInt = true;
  }
  if (bag.mime)
    intersectMime(agg, bag.mime);
  for (const pattern of bag.patterns ?? [])
    addPattern(agg, pattern);
  return agg;
}
function inputOptin(schema) {
  const def = schema._zod.def;
  if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
    return inputOptin(def.out);
  }
  if (def.type === "catch") {
    return inputOptin(def.innerType);
  }
  return schema._zod.optin;
}
function stringifyKeyNames(bySchema, json, visited) {
  var _a3;
  if (json.$ref) {
    if (visited.has(json))
      return json;
    visited.add(json);
    const def = (_a3 = bySchema.get(json)) == null ? void 0 : _a3.def;
    if (!def)
      return json;
    const inlined = stringifyKeyNames(bySchema, def, visited);
    return inlined === def ? json : inlined;
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = json[keyword];
    if (!Array.isArray(branches))
      continue;
    const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
    if (mapped.some((branch, i) => branch !== branches[i]))
      json = { ...json, [keyword]: mapped };
  }
  const types = Array.isArray(json.type) ? json.type : [json.type];
  const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
  const values = json.enum ?? (json.const !== void 0 ? [json.const] : void 0);
  if (!numericType && !(values == null ? void 0 : values.some((v) => typeof v === "number")))
    return json;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
  if (rest.enum)
    rest.enum = rest.enum.map((v) => typeof v === "number" ? String(v) : v);
  else if (typeof rest.const === "number")
    rest.const = String(rest.const);
  if (!numericType)
    return rest;
  rest.type = "string";
  if (!values)
    rest.pattern = (types.includes("number") ? number : integer).source;
  return rest;
}
function rewriteKeyNames(ctx) {
  var _a3;
  const bySchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.values()) {
    if (entry.def && !bySchema.has(entry.schema))
      bySchema.set(entry.schema, entry);
  }
  const rewrites = /* @__PURE__ */ new Map();
  for (const record3 of pendingRecords.get(ctx) ?? []) {
    const seen = ctx.seen.get(record3);
    const names = (_a3 = (seen == null ? void 0 : seen.def) ?? (seen == null ? void 0 : seen.schema)) == null ? void 0 : _a3.propertyNames;
    if (!names || names === true || rewrites.has(names))
      continue;
    const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
    if (rewritten !== names)
      rewrites.set(names, rewritten);
  }
  if (!rewrites.size)
    return;
  for (const entry of ctx.seen.values()) {
    for (const carrier of [entry.schema, entry.def]) {
      const rewritten = carrier && rewrites.get(carrier.propertyNames);
      if (rewritten)
        carrier.propertyNames = rewritten;
    }
  }
}
function serializeDefaultValue(value, schema, ctx, json, params) {
  let unrepresentable = false;
  const serialized = JSON.stringify(value, (_, val) => {
    if (typeof val !== "bigint")
      return val;
    unrepresentable = true;
    return null;
  });
  if (!unrepresentable)
    return JSON.parse(serialized);
  handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
  return UNREPRESENTABLE_DEFAULT;
}
var narrowMin, narrowMax, narrowBoth, addDivisor, addPattern, intersectMime, setFormat, minContributor, maxContributor, formatContributor, contributors, formatMap, exactPatterns, exactPattern, stringProcessor, numberProcessor, booleanProcessor, neverProcessor, unknownProcessor, dateProcessor, enumProcessor, customProcessor, transformProcessor, arrayProcessor, objectProcessor, unionProcessor, intersectionProcessor, pendingRecords, recordProcessor, nullableProcessor, nonoptionalProcessor, UNREPRESENTABLE_DEFAULT, defaultProcessor, prefaultProcessor, catchProcessor, pipeProcessor, readonlyProcessor, optionalProcessor;
var init_json_schema_processors = __esm({
  "node_modules/zod/v4/core/json-schema-processors.js"() {
    init_regexes();
    init_schemas();
    init_to_json_schema();
    init_util();
    narrowMin = (agg, key, value) => {
      if (agg[key] === void 0 || value > agg[key])
        agg[key] = value;
    };
    narrowMax = (agg, key, value) => {
      if (agg[key] === void 0 || value < agg[key])
        agg[key] = value;
    };
    narrowBoth = (agg, value) => {
      narrowMin(agg, "minimum", value);
      narrowMax(agg, "maximum", value);
    };
    addDivisor = (agg, value) => {
      agg.multipleOf ?? (agg.multipleOf = []);
      if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
    };
    addPattern = (agg, pattern) => {
      agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
      agg.patterns.add(pattern);
    };
    intersectMime = (agg, mime) => {
      agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
    };
    setFormat = (agg, format) => {
      agg.format = format;
      if (format.includes("int"))
        agg.isInt = true;
    };
    minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
    maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
    formatContributor = (ranges) => (agg, def) => {
      setFormat(agg, def.format);
      const [minimum, maximum] = ranges[def.format];
      narrowMin(agg, "minimum", minimum);
      narrowMax(agg, "maximum", maximum);
    };
    contributors = {
      greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
      less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
      multiple_of: (agg, def) => addDivisor(agg, def.value),
      number_format: formatContributor(NUMBER_FORMAT_RANGES),
      bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
      min_length: minContributor,
      max_length: maxContributor,
      length_equals: (agg, def) => narrowBoth(agg, def.length),
      min_size: minContributor,
      max_size: maxContributor,
      size_equals: (agg, def) => narrowBoth(agg, def.size),
      string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
          addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
          agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
          agg.laxFormat = true;
      },
      mime_type: (agg, def) => intersectMime(agg, def.mime)
    };
    formatMap = {
      guid: "uuid",
      url: "uri",
      datetime: "date-time",
      json_string: "json-string",
      regex: ""
      // do not set
    };
    exactPatterns = /* @__PURE__ */ new Map([
      [base64Charset, base64],
      [base64urlCharset, base64url]
    ]);
    exactPattern = (p) => exactPatterns.get(p) ?? p;
    stringProcessor = (schema, ctx, _json, _params) => {
      const json = _json;
      json.type = "string";
      const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
      if (typeof minimum === "number")
        json.minLength = minimum;
      if (typeof maximum === "number")
        json.maxLength = maximum;
      if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
          delete json.format;
        if (format === "time" || laxFormat) {
          delete json.format;
        }
      }
      if (contentEncoding)
        json.contentEncoding = contentEncoding;
      if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
          json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
          json.allOf = [
            ...patternList.map((regex) => ({
              ...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
              pattern: regex.source
            }))
          ];
        }
      }
    };
    numberProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
      json.type = isInt ? "integer" : "number";
      const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
      const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
      const legacy2 = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
      if (exMin) {
        if (legacy2) {
          json.minimum = exclusiveMinimum;
          json.exclusiveMinimum = true;
        } else {
          json.exclusiveMinimum = exclusiveMinimum;
        }
      } else if (typeof minimum === "number") {
        json.minimum = minimum;
      }
      if (exMax) {
        if (legacy2) {
          json.maximum = exclusiveMaximum;
          json.exclusiveMaximum = true;
        } else {
          json.exclusiveMaximum = exclusiveMaximum;
        }
      } else if (typeof maximum === "number") {
        json.maximum = maximum;
      }
      if (multipleOf) {
        const divisors = /* @__PURE__ */ new Set();
        for (const divisor of multipleOf) {
          if (Number.isFinite(divisor) && divisor !== 0)
            divisors.add(Math.abs(divisor));
          else
            handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        const [first, ...rest] = divisors;
        if (first !== void 0)
          json.multipleOf = first;
        if (rest.length)
          json.allOf = [...json.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
      }
    };
    booleanProcessor = (_schema, _ctx, json, _params) => {
      json.type = "boolean";
    };
    neverProcessor = (_schema, _ctx, json, _params) => {
      json.not = {};
    };
    unknownProcessor = (_schema, _ctx, _json, _params) => {
    };
    dateProcessor = (schema, ctx, json, params) => {
      handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
    };
    enumProcessor = (schema, _ctx, json, _params) => {
      const def = schema._zod.def;
      const values = getEnumValues(def.entries);
      if (values.length === 0) {
        json.not = {};
        return;
      }
      if (values.every((v) => typeof v === "number"))
        json.type = "number";
      if (values.every((v) => typeof v === "string"))
        json.type = "string";
      json.enum = values;
    };
    customProcessor = (schema, ctx, json, params) => {
      handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
    };
    transformProcessor = (schema, ctx, json, params) => {
      handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
    };
    arrayProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const def = schema._zod.def;
      const { minimum, maximum } = aggregateChecks(schema);
      if (typeof minimum === "number")
        json.minItems = minimum;
      if (typeof maximum === "number")
        json.maxItems = maximum;
      json.type = "array";
      json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"]
      });
    };
    objectProcessor = (schema, ctx, _json, params) => {
      var _a3;
      const json = _json;
      const def = schema._zod.def;
      const shape = def.shape;
      const symbolKeys = Object.getOwnPropertySymbols(shape);
      if (symbolKeys.length && handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
      }
      json.type = "object";
      json.properties = {};
      for (const key in shape) {
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
          ...params,
          path: [...params.path, "properties", key]
        }));
      }
      const requiredKeys = [];
      for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
          requiredKeys.push(key);
        }
      }
      if (requiredKeys.length > 0) {
        json.required = requiredKeys;
      }
      if (((_a3 = def.catchall) == null ? void 0 : _a3._zod.def.type) === "never") {
        json.additionalProperties = false;
      } else if (!def.catchall) {
        if (ctx.io === "output")
          json.additionalProperties = false;
      } else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
          ...params,
          path: [...params.path, "additionalProperties"]
        });
      }
    };
    unionProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const isExclusive = def.inclusive === false;
      const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i]
      }));
      if (isExclusive) {
        json.oneOf = options;
      } else {
        json.anyOf = options;
      }
    };
    intersectionProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0]
      });
      const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1]
      });
      const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
      const allOf = [
        ...isSimpleIntersection(a) ? a.allOf : [a],
        ...isSimpleIntersection(b) ? b.allOf : [b]
      ];
      json.allOf = allOf;
      ctx.intersections.push(allOf);
    };
    pendingRecords = /* @__PURE__ */ new WeakMap();
    recordProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const def = schema._zod.def;
      json.type = "object";
      const keyType = def.keyType;
      const patterns = aggregateChecks(keyType).patterns;
      if (def.mode === "loose" && patterns && patterns.size > 0) {
        const valueSchema = processSchema(def.valueType, ctx, {
          ...params,
          path: [...params.path, "patternProperties", "*"]
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
          assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
      } else {
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
          json.propertyNames = processSchema(def.keyType, ctx, {
            ...params,
            path: [...params.path, "propertyNames"]
          });
          let pending = pendingRecords.get(ctx);
          if (!pending) {
            pending = [];
            pendingRecords.set(ctx, pending);
            ctx.deferred.push(() => rewriteKeyNames(ctx));
          }
          pending.push(schema);
        }
        json.additionalProperties = processSchema(def.valueType, ctx, {
          ...params,
          path: [...params.path, "additionalProperties"]
        });
      }
      const keyValues = keyType._zod.values;
      const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== void 0;
      if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
          json.required = validKeyValues.map(String);
        }
      }
    };
    nullableProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const inner = processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
      } else {
        json.anyOf = [inner, { type: "null" }];
      }
    };
    nonoptionalProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
    };
    UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
    defaultProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
      if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
    };
    prefaultProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      if (ctx.io !== "input")
        return;
      const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
      if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
    };
    catchProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      let catchValue;
      try {
        catchValue = def.catchValue(void 0);
      } catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
      }
      json.default = catchValue;
    };
    pipeProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      const inIsTransform = def.in._zod.traits.has("$ZodTransform");
      const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
      processSchema(innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = innerType;
    };
    readonlyProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      json.readOnly = true;
    };
    optionalProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
    };
  }
});

// node_modules/zod/v4/core/json-schema.js
var init_json_schema = __esm({
  "node_modules/zod/v4/core/json-schema.js"() {
  }
});

// node_modules/zod/v4/core/index.js
var init_core2 = __esm({
  "node_modules/zod/v4/core/index.js"() {
    init_core();
    init_parse();
    init_errors2();
    init_schemas();
    init_memoizer();
    init_checks();
    init_versions();
    init_util();
    init_regexes();
    init_locales();
    init_registries();
    init_doc();
    init_compile();
    init_api();
    init_to_json_schema();
    init_json_schema();
  }
});

// node_modules/zod/v4/classic/checks.js
var init_checks2 = __esm({
  "node_modules/zod/v4/classic/checks.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/classic/errors.js
function _lazyMethod(proto, key, make) {
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make(this);
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
    }
  });
}
var _installedErrorProtos, initializer2, ZodRealError;
var init_errors3 = __esm({
  "node_modules/zod/v4/classic/errors.js"() {
    init_core2();
    init_core2();
    init_util();
    _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer2 = (inst, issues) => {
      $ZodError.init(inst, issues);
      inst.name = "ZodError";
      const proto = Object.getPrototypeOf(inst);
      if (_installedErrorProtos.has(proto))
        return;
      _installedErrorProtos.add(proto);
      _lazyMethod(proto, "format", (self2) => (mapper) => formatError(self2, mapper));
      _lazyMethod(proto, "flatten", (self2) => (mapper) => flattenError(self2, mapper));
      _lazyMethod(proto, "addIssue", (self2) => (issue2) => {
        self2.issues.push(issue2);
        self2.message = JSON.stringify(self2.issues, jsonStringifyReplacer, 2);
      });
      _lazyMethod(proto, "addIssues", (self2) => (issues2) => {
        self2.issues.push(...issues2);
        self2.message = JSON.stringify(self2.issues, jsonStringifyReplacer, 2);
      });
      Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
          return this.issues.length === 0;
        }
      });
    };
    ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/classic/parse.js
var parse, parseAsync, safeParse, safeParseAsync, encode, decode, encodeAsync, decodeAsync, safeEncode, safeDecode, safeEncodeAsync, safeDecodeAsync;
var init_parse2 = __esm({
  "node_modules/zod/v4/classic/parse.js"() {
    init_core2();
    init_errors3();
    init_core2();
    parse = /* @__PURE__ */ _parse(ZodRealError);
    parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
    safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
    safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
    encode = /* @__PURE__ */ _encode(ZodRealError);
    decode = /* @__PURE__ */ _decode(ZodRealError);
    encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
    decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
    safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
    safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
    safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
    safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);
  }
});

// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
  if (!globalConfig.localeError)
    config(en_default());
}
function _ensureDefaultMemoizer() {
  if (!globalConfig.memoizer)
    config({ memoizer: memoizer() });
}
function string2(params) {
  return _string(ZodString, params);
}
function number2(params) {
  return _number(ZodNumber, params);
}
function int(params) {
  return _int(ZodNumberFormat, params);
}
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
function unknown() {
  return _unknown(ZodUnknown);
}
function never(params) {
  return _never(ZodNever, params);
}
function date2(params) {
  return _date(ZodDate, params);
}
function array(element, params) {
  return _array(ZodArray, element, params);
}
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...util_exports.normalizeParams(params)
  };
  return new ZodObject(def);
}
function union(options, params) {
  return new ZodUnion({
    type: "union",
    options,
    ...util_exports.normalizeParams(params)
  });
}
function intersection(left, right) {
  return new ZodIntersection({
    type: "intersection",
    left,
    right
  });
}
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodRecord({
      type: "record",
      keyType: string2(),
      valueType: keyType,
      ...util_exports.normalizeParams(valueType)
    });
  }
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
function transform(fn) {
  return new ZodTransform({
    type: "transform",
    transform: fn
  });
}
function optional(innerType) {
  return new ZodOptional({
    type: "optional",
    innerType
  });
}
function exactOptional(innerType) {
  return new ZodExactOptional({
    type: "optional",
    innerType
  });
}
function nullable(innerType) {
  return new ZodNullable({
    type: "nullable",
    innerType
  });
}
function _default(innerType, defaultValue) {
  return new ZodDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: "prefault",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: "nonoptional",
    innerType,
    ...util_exports.normalizeParams(params)
  });
}
function _catch(innerType, catchValue) {
  return new ZodCatch({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
  });
}
function pipe(in_, out) {
  return new ZodPipe({
    type: "pipe",
    in: in_,
    out
    // ...util.normalizeParams(params),
  });
}
function readonly(innerType) {
  return new ZodReadonly({
    type: "readonly",
    innerType
  });
}
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
var ZodType, _ZodString, ZodString, ZodStringFormat, ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration, ZodEmail, ZodGUID, ZodUUID, ZodURL, ZodEmoji, ZodNanoID, ZodCUID, ZodCUID2, ZodULID, ZodXID, ZodKSUID, ZodIPv4, ZodIPv6, ZodCIDRv4, ZodCIDRv6, ZodBase64, ZodBase64URL, ZodE164, ZodJWT, ZodNumber, ZodNumberFormat, ZodBoolean, ZodUnknown, ZodNever, ZodDate, ZodArray, ZodObject, ZodUnion, ZodIntersection, ZodRecord, ZodEnum, ZodTransform, ZodOptional, ZodExactOptional, ZodNullable, ZodDefault, ZodPrefault, ZodNonOptional, ZodCatch, ZodPipe, ZodReadonly, ZodCustom;
var init_schemas2 = __esm({
  "node_modules/zod/v4/classic/schemas.js"() {
    init_core2();
    init_core2();
    init_json_schema_processors();
    init_to_json_schema();
    init_en();
    init_checks2();
    init_parse2();
    ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
      _ensureDefaultLocale();
      $ZodType.init(inst, def);
      inst.def = def;
      inst.type = def.type;
      return inst;
    }, {
      check(...chks) {
        const def = this.def;
        return this.clone(util_exports.mergeDefs(def, {
          checks: [
            ...def.checks ?? [],
            ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
          ]
        }), { parent: true });
      },
      with(...chks) {
        return this.check(...chks);
      },
      clone(def, params) {
        return clone(this, def, params);
      },
      brand() {
        return this;
      },
      register(reg, meta2) {
        reg.add(this, meta2);
        return this;
      },
      refine(check, params) {
        return this.check(refine(check, params));
      },
      superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
      },
      overwrite(fn) {
        return this.check(_overwrite(fn));
      },
      optional() {
        return optional(this);
      },
      exactOptional() {
        return exactOptional(this);
      },
      nullable() {
        return nullable(this);
      },
      nullish() {
        return optional(nullable(this));
      },
      nonoptional(params) {
        return nonoptional(this, params);
      },
      array() {
        return array(this);
      },
      or(arg) {
        return union([this, arg]);
      },
      and(arg) {
        return intersection(this, arg);
      },
      transform(tx) {
        return pipe(this, transform(tx));
      },
      default(d) {
        return _default(this, d);
      },
      prefault(d) {
        return prefault(this, d);
      },
      catch(params) {
        return _catch(this, params);
      },
      pipe(target) {
        return pipe(this, target);
      },
      readonly() {
        return readonly(this);
      },
      describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
      },
      meta(...args) {
        if (args.length === 0)
          return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
      },
      isOptional() {
        return this.safeParse(void 0).success;
      },
      isNullable() {
        return this.safeParse(null).success;
      },
      apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
      },
      // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
      get "~standard"() {
        return util_exports.hide(this, "~standard", {
          ...standardProps(this),
          jsonSchema: {
            input: createStandardJSONSchemaMethod(this, "input"),
            output: createStandardJSONSchemaMethod(this, "output")
          }
        });
      },
      set "~standard"(value) {
        util_exports.own(this, "~standard", value);
      },
      parse: function _parse2(data, params) {
        return parse(this, data, params, { callee: _parse2 });
      },
      parseAsync: async function _parseAsync2(data, params) {
        return await parseAsync(this, data, params, { callee: _parseAsync2 });
      },
      safeParse(data, params) {
        return safeParse(this, data, params);
      },
      async safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
      },
      // `spa` is an alias: same function object as `safeParseAsync`, as before.
      get spa() {
        return this == null ? void 0 : this.safeParseAsync;
      },
      set spa(value) {
        util_exports.own(this, "spa", value);
      },
      validate(data, params) {
        return validate(this, data, params);
      },
      validateAsync(data, params) {
        return validateAsync(this, data, params);
      },
      encode: function _encode2(data, params) {
        return encode(this, data, params, { callee: _encode2 });
      },
      decode: function _decode2(data, params) {
        return decode(this, data, params, { callee: _decode2 });
      },
      encodeAsync: async function _encodeAsync2(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync2 });
      },
      decodeAsync: async function _decodeAsync2(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync2 });
      },
      safeEncode(data, params) {
        return safeEncode(this, data, params);
      },
      safeDecode(data, params) {
        return safeDecode(this, data, params);
      },
      async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
      },
      async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
      },
      toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
      },
      // Reads through to the registry on every access, so it must not cache.
      get description() {
        var _a3;
        return (_a3 = globalRegistry.get(this)) == null ? void 0 : _a3.description;
      },
      // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
      get _def() {
        return this._zod.def;
      }
    });
    _ZodString = /* @__PURE__ */ $constructor(
      "_ZodString",
      (inst, def) => {
        $ZodString.init(inst, def);
        ZodType.init(inst, def);
        inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
      },
      /* @__PURE__ */ util_exports.derived({
        format: (inst) => aggregateChecks(inst).format ?? null,
        minLength: (inst) => aggregateChecks(inst).minimum ?? null,
        maxLength: (inst) => aggregateChecks(inst).maximum ?? null
      }, {
        regex(...args) {
          return this.check(_regex(...args));
        },
        includes(...args) {
          return this.check(_includes(...args));
        },
        startsWith(...args) {
          return this.check(_startsWith(...args));
        },
        endsWith(...args) {
          return this.check(_endsWith(...args));
        },
        min(...args) {
          return this.check(_minLength(...args));
        },
        max(...args) {
          return this.check(_maxLength(...args));
        },
        length(...args) {
          return this.check(_length(...args));
        },
        nonempty(...args) {
          return this.check(_minLength(1, ...args));
        },
        lowercase(params) {
          return this.check(_lowercase(params));
        },
        uppercase(params) {
          return this.check(_uppercase(params));
        },
        trim() {
          return this.check(_trim());
        },
        normalize(...args) {
          return this.check(_normalize(...args));
        },
        toLowerCase() {
          return this.check(_toLowerCase());
        },
        toUpperCase() {
          return this.check(_toUpperCase());
        },
        slugify() {
          return this.check(_slugify());
        }
      })
    );
    ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
      $ZodString.init(inst, def);
      _ZodString.init(inst, def);
    }, {
      email(params) {
        return this.check(_email(ZodEmail, params));
      },
      url(params) {
        return this.check(_url(ZodURL, params));
      },
      jwt(params) {
        return this.check(_jwt(ZodJWT, params));
      },
      emoji(params) {
        return this.check(_emoji2(ZodEmoji, params));
      },
      guid(params) {
        return this.check(_guid(ZodGUID, params));
      },
      uuid(params) {
        return this.check(_uuid(ZodUUID, params));
      },
      uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
      },
      uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
      },
      uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
      },
      nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
      },
      cuid(params) {
        return this.check(_cuid(ZodCUID, params));
      },
      cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
      },
      ulid(params) {
        return this.check(_ulid(ZodULID, params));
      },
      base64(params) {
        return this.check(_base64(ZodBase64, params));
      },
      base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
      },
      xid(params) {
        return this.check(_xid(ZodXID, params));
      },
      ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
      },
      ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
      },
      ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
      },
      cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
      },
      cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
      },
      e164(params) {
        return this.check(_e164(ZodE164, params));
      },
      datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
      },
      date(params) {
        return this.check(_isoDate(ZodISODate, params));
      },
      time(params) {
        return this.check(_isoTime(ZodISOTime, params));
      },
      duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
      }
    });
    ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      _ZodString.init(inst, def);
    });
    ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
      $ZodISODateTime.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
      $ZodISODate.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
      $ZodISOTime.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
      $ZodISODuration.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
      $ZodEmail.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
      $ZodGUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
      $ZodUUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
      $ZodURL.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
      $ZodEmoji.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
      $ZodNanoID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
      $ZodCUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
      $ZodCUID2.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
      $ZodULID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
      $ZodXID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
      $ZodKSUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
      $ZodIPv4.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
      $ZodIPv6.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
      $ZodCIDRv4.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
      $ZodCIDRv6.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
      $ZodBase64.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
      $ZodBase64URL.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
      $ZodE164.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
      $ZodJWT.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodNumber = /* @__PURE__ */ $constructor(
      "ZodNumber",
      (inst, def) => {
        $ZodNumber.init(inst, def);
        ZodType.init(inst, def);
        inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
        inst.isFinite = true;
      },
      /* @__PURE__ */ util_exports.derived({
        minValue: (inst) => {
          const { minimum, exclusiveMinimum } = aggregateChecks(inst);
          return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
        },
        maxValue: (inst) => {
          const { maximum, exclusiveMaximum } = aggregateChecks(inst);
          return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
        },
        isInt: (inst) => {
          const { isInt, multipleOf } = aggregateChecks(inst);
          return !!isInt || !!(multipleOf == null ? void 0 : multipleOf.some(Number.isSafeInteger));
        },
        format: (inst) => aggregateChecks(inst).format ?? null
      }, {
        gt(value, params) {
          return this.check(_gt(value, params));
        },
        gte(value, params) {
          return this.check(_gte(value, params));
        },
        min(value, params) {
          return this.check(_gte(value, params));
        },
        lt(value, params) {
          return this.check(_lt(value, params));
        },
        lte(value, params) {
          return this.check(_lte(value, params));
        },
        max(value, params) {
          return this.check(_lte(value, params));
        },
        int(params) {
          return this.check(int(params));
        },
        safe(params) {
          return this.check(int(params));
        },
        positive(params) {
          return this.check(_gt(0, params));
        },
        nonnegative(params) {
          return this.check(_gte(0, params));
        },
        negative(params) {
          return this.check(_lt(0, params));
        },
        nonpositive(params) {
          return this.check(_lte(0, params));
        },
        multipleOf(value, params) {
          return this.check(_multipleOf(value, params));
        },
        step(value, params) {
          return this.check(_multipleOf(value, params));
        },
        finite() {
          return this;
        }
      })
    );
    ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
      $ZodNumberFormat.init(inst, def);
      ZodNumber.init(inst, def);
    });
    ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
      $ZodBoolean.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
    });
    ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
      $ZodUnknown.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
    });
    ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
      $ZodNever.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
    });
    ZodDate = /* @__PURE__ */ $constructor(
      "ZodDate",
      (inst, def) => {
        $ZodDate.init(inst, def);
        ZodType.init(inst, def);
        inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
        inst.min = (value, params) => inst.check(_gte(value, params));
        inst.max = (value, params) => inst.check(_lte(value, params));
      },
      /* @__PURE__ */ util_exports.derived({
        minDate: (inst) => {
          const { minimum } = aggregateChecks(inst);
          return minimum ? new Date(minimum) : null;
        },
        maxDate: (inst) => {
          const { maximum } = aggregateChecks(inst);
          return maximum ? new Date(maximum) : null;
        }
      }, {})
    );
    ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodArray.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
      inst.element = def.element;
    }, {
      min(n, params) {
        return this.check(_minLength(n, params));
      },
      nonempty(params) {
        return this.check(_minLength(1, params));
      },
      max(n, params) {
        return this.check(_maxLength(n, params));
      },
      length(n, params) {
        return this.check(_length(n, params));
      },
      unwrap() {
        return this.element;
      }
    });
    ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodObjectJIT.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
      util_exports.installLazyProp(inst, "shape", (self2) => self2._zod.def.shape, false);
    }, {
      keyof() {
        return _enum(Object.keys(this._zod.def.shape));
      },
      catchall(catchall) {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
      },
      passthrough() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
      },
      loose() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
      },
      strict() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
      },
      strip() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
      },
      extend(incoming) {
        return util_exports.extend(this, incoming);
      },
      safeExtend(incoming) {
        return util_exports.safeExtend(this, incoming);
      },
      merge(other) {
        return util_exports.merge(this, other);
      },
      pick(mask) {
        return util_exports.pick(this, mask);
      },
      omit(mask) {
        return util_exports.omit(this, mask);
      },
      partial(...args) {
        return util_exports.partial(ZodOptional, this, args[0]);
      },
      exactPartial(...args) {
        return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
      },
      required(...args) {
        return util_exports.required(ZodNonOptional, this, args[0]);
      }
    });
    ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
      $ZodUnion.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
      inst.options = def.options;
    });
    ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
      $ZodIntersection.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
    });
    ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodRecord.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
      inst.keyType = def.keyType;
      inst.valueType = def.valueType;
    });
    ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
      $ZodEnum.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
      inst.enum = def.entries;
      inst.options = [...inst._zod.values];
      const keys = new Set(Object.keys(def.entries));
      inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
          if (keys.has(value)) {
            newEntries[value] = def.entries[value];
          } else
            throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
          ...def,
          checks: [],
          ...util_exports.normalizeParams(params),
          entries: newEntries
        });
      };
      inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
          if (keys.has(value)) {
            delete newEntries[value];
          } else
            throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
          ...def,
          checks: [],
          ...util_exports.normalizeParams(params),
          entries: newEntries
        });
      };
    });
    ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodTransform.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
      inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue2) => {
          if (typeof issue2 === "string") {
            payload.issues.push(util_exports.issue(issue2, payload.value, def));
          } else {
            const _issue = issue2;
            if (_issue.fatal)
              _issue.continue = false;
            _issue.code ?? (_issue.code = "custom");
            if (!("input" in _issue))
              _issue.input = payload.value;
            _issue.inst ?? (_issue.inst = inst);
            payload.issues.push(util_exports.issue(_issue));
          }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        payload.value = output;
        return payload;
      };
    });
    ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
      $ZodOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
      $ZodExactOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
      $ZodNullable.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
      $ZodDefault.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
      inst.removeDefault = inst.unwrap;
    });
    ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
      $ZodPrefault.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
      $ZodNonOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
      $ZodCatch.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
      inst.removeCatch = inst.unwrap;
    });
    ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
      $ZodPipe.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
      inst.in = def.in;
      inst.out = def.out;
    });
    ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
      $ZodReadonly.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
      $ZodCustom.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
    });
  }
});

// node_modules/zod/v4/classic/compat.js
var ZodFirstPartyTypeKind;
var init_compat = __esm({
  "node_modules/zod/v4/classic/compat.js"() {
    /* @__PURE__ */ (function(ZodFirstPartyTypeKind2) {
    })(ZodFirstPartyTypeKind || (ZodFirstPartyTypeKind = {}));
  }
});

// node_modules/zod/v4/classic/iso.js
var init_iso = __esm({
  "node_modules/zod/v4/classic/iso.js"() {
  }
});

// node_modules/zod/v4/classic/coerce.js
var init_coerce = __esm({
  "node_modules/zod/v4/classic/coerce.js"() {
  }
});

// node_modules/zod/v4/classic/external.js
var init_external = __esm({
  "node_modules/zod/v4/classic/external.js"() {
    init_core2();
    init_schemas2();
    init_checks2();
    init_errors3();
    init_parse2();
    init_compat();
    init_core2();
    init_locales();
    init_iso();
    init_coerce();
  }
});

// node_modules/zod/index.js
var init_zod = __esm({
  "node_modules/zod/index.js"() {
    init_external();
  }
});

// types/common.ts
var Id, ROLES, Role, RoleGrant, ApiEvent, MAX_EVENT_BYTES, PageInput, Text;
var init_common = __esm({
  "types/common.ts"() {
    "use strict";
    init_zod();
    Id = string2().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "id 格式不正确");
    ROLES = [
      "resident",
      // 居民
      "party_member",
      // 党员
      "volunteer",
      // 志愿者
      "building_head",
      // 楼栋长 / 党员中心户
      "grid_worker",
      // 网格员
      "secretary",
      // 社区书记 / 社区秘书
      "street_admin"
      // 街道管理员
    ];
    Role = _enum(ROLES);
    RoleGrant = object({ communityId: Id, role: Role, buildingIds: array(Id).max(50).optional() }).strict();
    ApiEvent = object({
      action: string2().regex(/^[a-z]+\.[a-zA-Z]+$/, "action 应为 area.verb 形式"),
      data: record(string2(), unknown()).optional(),
      requestId: string2().min(1).max(64).optional()
    }).strict();
    MAX_EVENT_BYTES = 64 * 1024;
    PageInput = object({
      cursor: string2().max(200).optional(),
      limit: number2().int().min(1).max(50).optional()
    });
    Text = (max) => string2().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字`);
  }
});

// types/org.ts
var Street, Community, Compound, Building, Household, Grid, PARTNER_KINDS, PartnerUnit, ProxyGrant, User, PRIVACY_VERSION, LoginInput, MeInput, UpdateProfileInput, CommunitiesInput, TreeInput, HouseholdsInput, AssignRoleInput, RevokeRoleInput, MembersInput, MemberInput, SetProxyInput, AuditInput, HouseholdQueueInput, ConfirmHouseholdInput;
var init_org = __esm({
  "types/org.ts"() {
    "use strict";
    init_zod();
    init_common();
    Street = object({ _id: Id, name: string2(), district: string2() });
    Community = object({
      _id: Id,
      streetId: Id,
      name: string2(),
      address: string2(),
      /** Households and residents living here: the "size" coverage is measured against. */
      householdCount: number2().int().nonnegative(),
      population: number2().int().nonnegative()
    });
    Compound = object({ _id: Id, communityId: Id, name: string2(), address: string2(), gridId: Id.nullable() });
    Building = object({ _id: Id, communityId: Id, compoundId: Id, name: string2(), units: number2().int().positive() });
    Household = object({
      _id: Id,
      communityId: Id,
      compoundId: Id,
      buildingId: Id,
      unit: number2().int().positive(),
      room: string2()
    });
    Grid = object({ _id: Id, communityId: Id, name: string2(), compoundIds: array(Id), workerId: Id.nullable() });
    PARTNER_KINDS = ["机关", "事业单位", "企业", "学校", "社会组织"];
    PartnerUnit = object({ _id: Id, communityId: Id, name: string2(), kind: _enum(PARTNER_KINDS) });
    ProxyGrant = object({ proxyId: Id, communityId: Id, since: date2() });
    User = object({
      _id: Id,
      /**
       * The WeChat OPENID. Never leaves the server. Residents without a smartphone (represented by a proxy)
       * hold `offline_<userId>`, a value WeChat never issues: the unique index on openid counts nulls as
       * equal, as MongoDB does, so null cannot mark them.
       */
      openid: string2(),
      /** A resident without a smartphone, represented by a proxy (楼栋长). */
      offline: boolean2(),
      nickname: string2(),
      avatarUrl: string2().nullable(),
      /** Personal fields: masked in every list; full only to the person and their community's secretary (audited). */
      realName: string2().nullable(),
      phone: string2().nullable(),
      /** The household the person declared (申报的住址): pending until confirmed, then verified. */
      householdId: Id.nullable(),
      /** The community and building of that household (denormalised for queries). */
      communityId: Id.nullable(),
      buildingId: Id.nullable().optional(),
      /**
       * A declared household is `pending` until the building head of its building or the secretary confirms
       * it (`verified`). Residence decides who may act for whom, vote, be dispatched and answer surveys:
       * all of that reads verified households only. The resident role (居民) comes with verification.
       */
      householdStatus: _enum(["pending", "verified"]).nullable().optional(),
      householdDeclaredAt: date2().nullable().optional(),
      /** The last decision on a declared household, so the person sees what happened and why. */
      householdDecision: object({ outcome: _enum(["verified", "rejected"]), householdId: Id, label: string2(), reason: string2().nullable(), at: date2() }).nullable().optional(),
      roles: array(RoleGrant),
      proxies: array(ProxyGrant),
      privacy: object({ version: string2(), at: date2() }).nullable(),
      elderMode: boolean2().nullable(),
      birthYear: number2().int().nullable(),
      createdAt: date2(),
      updatedAt: date2()
    });
    PRIVACY_VERSION = "2026-11-30";
    LoginInput = object({ privacyConsentVersion: string2().max(20).optional() }).strict();
    MeInput = object({}).strict();
    UpdateProfileInput = object({
      nickname: Text(20).optional(),
      avatarUrl: string2().max(500).regex(/^(cloud:\/\/|https?:\/\/|\/)/, "头像地址不正确").optional(),
      realName: Text(20).optional(),
      /** getPhoneNumber code (single use, 5 minutes); exchanged on the server, never trusted as a number. */
      phoneCode: string2().min(1).max(128).optional(),
      /** The household the person lives in (pending until confirmed); null = moved away. */
      householdId: Id.nullable().optional(),
      elderMode: boolean2().optional()
    }).strict();
    CommunitiesInput = object({}).strict();
    TreeInput = object({ communityId: Id }).strict();
    HouseholdsInput = object({ buildingId: Id }).strict();
    AssignRoleInput = object({
      communityId: Id,
      userId: Id,
      role: Role,
      /** For building_head (required): the buildings of this community they look after. Re-assigning changes them. */
      buildingIds: array(Id).min(1).max(50).optional()
    }).strict().refine((v) => {
      var _a3;
      return v.role !== "building_head" || (((_a3 = v.buildingIds) == null ? void 0 : _a3.length) ?? 0) > 0;
    }, { message: "请选择楼栋长负责的楼栋", path: ["buildingIds"] }).refine((v) => v.role === "building_head" || v.buildingIds === void 0, { message: "只有楼栋长需要选择楼栋", path: ["buildingIds"] });
    RevokeRoleInput = object({ communityId: Id, userId: Id, role: Role }).strict();
    MembersInput = PageInput.extend({
      communityId: Id,
      role: Role.optional(),
      keyword: string2().trim().max(20).optional()
    }).strict();
    MemberInput = object({ communityId: Id, userId: Id }).strict();
    SetProxyInput = object({
      communityId: Id,
      residentId: Id,
      /** The building head; defaults to the caller when the caller is a building head. */
      proxyId: Id.optional(),
      enabled: boolean2()
    }).strict();
    AuditInput = PageInput.extend({ communityId: Id }).strict();
    HouseholdQueueInput = PageInput.extend({ communityId: Id }).strict();
    ConfirmHouseholdInput = object({
      communityId: Id,
      userId: Id,
      approve: boolean2(),
      /** Why not (shown to the person): required when refusing. */
      reason: Text(60).optional()
    }).strict().refine((v) => v.approve || !!v.reason, { message: "请写明原因，居民会看到", path: ["reason"] });
  }
});

// cloudfunctions/api/src/platform/action.ts
function defineAction(def) {
  return def;
}
var wechat, user, roles, SECRETARY;
var init_action = __esm({
  "cloudfunctions/api/src/platform/action.ts"() {
    "use strict";
    wechat = { who: "wechat" };
    user = { who: "user" };
    roles = (...r) => ({ who: "roles", roles: r });
    SECRETARY = roles("secretary", "street_admin");
  }
});

// cloudfunctions/api/src/platform/db.ts
function newId(prefix = "") {
  return prefix + (0, import_crypto.randomBytes)(12).toString("hex");
}
function isDuplicateKey(err) {
  const e = err;
  if (!e) return false;
  const text = `${e.errMsg ?? ""} ${e.message ?? ""} ${e.code ?? ""}`;
  return e.errCode === -502001 || /duplicate key|E11000|DUPLICATE/i.test(text);
}
async function getById(db, collection, id) {
  const res = await db.collection(collection).where({ _id: id }).limit(1).get();
  return res.data[0] ?? null;
}
async function findMany(db, collection, filter, opts = {}) {
  let q = db.collection(collection).where(filter);
  for (const [f, dir] of opts.orderBy ?? []) q = q.orderBy(f, dir);
  if (opts.field) q = q.field(opts.field);
  q = q.limit(Math.min(opts.limit ?? 100, 100));
  const res = await q.get();
  return res.data;
}
async function readAll(db, collection, filter, max = 5e3) {
  const out = [];
  let after = null;
  for (; ; ) {
    const page2 = await findMany(db, collection, after ? { ...filter, _id: db.command.gt(after) } : filter, {
      orderBy: [["_id", "asc"]],
      limit: 100
    });
    out.push(...page2);
    if (out.length > max) throw new TooManyDocuments(collection, max);
    if (page2.length < 100) return out;
    after = page2[page2.length - 1]._id;
  }
}
function isTxConflict(err) {
  const e = err;
  if (!e || typeof e !== "object") return false;
  return e.code === "DATABASE_TRANSACTION_CONFLICT" || /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(`${e.errMsg ?? ""} ${e.message ?? ""}`);
}
async function runTx(db, fn) {
  const run = db;
  const deadline = Date.now() + TX_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run.runTransaction(fn, 1);
    } catch (err) {
      if (!isTxConflict(err)) throw err;
      if (Date.now() >= deadline) throw conflict("操作的人太多了，请稍后再试");
      await pause(Math.random() * Math.min(100, 4 * 2 ** Math.min(attempt, 5)));
    }
  }
}
async function ensureDoc(db, collection, doc) {
  try {
    await db.collection(collection).add({ data: doc });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}
async function txGet(tx, collection, id) {
  try {
    const res = await tx.collection(collection).doc(id).get();
    return (res == null ? void 0 : res.data) ?? null;
  } catch (err) {
    if (/does not exist/.test(String((err == null ? void 0 : err.errMsg) ?? err))) return null;
    throw err;
  }
}
async function newestFirstPage(db, collection, communityId, cursor, limit) {
  const _ = db.command;
  let filter = { communityId };
  if (cursor) {
    const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor);
    if (!m) throw invalid("翻页参数不正确，请刷新后重试");
    const at = new Date(Number(m[1]));
    filter = _.and([{ communityId }, _.or([{ at: _.lt(at) }, { at, _id: _.lt(m[2]) }])]);
  }
  const docs = await findMany(db, collection, filter, { orderBy: [["at", "desc"], ["_id", "desc"]], limit: limit + 1 });
  const page2 = docs.slice(0, limit);
  const last = page2[page2.length - 1];
  return { page: page2, nextCursor: docs.length > limit ? `${new Date(last.at).getTime()}_${last._id}` : null };
}
var import_crypto, TooManyDocuments, TX_RETRY_MS, pause;
var init_db = __esm({
  "cloudfunctions/api/src/platform/db.ts"() {
    "use strict";
    import_crypto = require("crypto");
    init_errors();
    TooManyDocuments = class extends Error {
      constructor(collection, max) {
        super(`readAll(${collection}) found more than ${max} documents: page it, or keep a counter`);
        this.name = "TooManyDocuments";
      }
    };
    TX_RETRY_MS = 2500;
    pause = (ms) => new Promise((r) => setTimeout(r, ms));
  }
});

// cloudfunctions/api/src/modules/org/repo.ts
async function findUserByOpenid(db, openid) {
  const [u] = await findMany(db, C.users, { openid }, { limit: 1 });
  return u ?? null;
}
async function getMany(db, collection, ids) {
  const unique = [...new Set(ids)];
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i < unique.length; i += 100) {
    const chunk2 = unique.slice(i, i + 100);
    const docs = await findMany(db, collection, { _id: db.command.in(chunk2) }, { limit: 100 });
    for (const d of docs) out.set(d._id, d);
  }
  return out;
}
async function communityTree(db, communityId) {
  const [compounds, buildings, grids, partners] = await Promise.all([
    readAll(db, C.compounds, { communityId }),
    readAll(db, C.buildings, { communityId }),
    readAll(db, C.grids, { communityId }),
    readAll(db, C.partnerUnits, { communityId })
  ]);
  return { compounds, buildings, grids, partners };
}
async function householdLabel(db, h) {
  const [compound, building] = await Promise.all([
    getById(db, C.compounds, h.compoundId),
    getById(db, C.buildings, h.buildingId)
  ]);
  return `${(compound == null ? void 0 : compound.name) ?? ""} ${(building == null ? void 0 : building.name) ?? ""} ${h.unit}单元 ${h.room}`.trim();
}
var C, getUser, getCommunity, getStreet, getHousehold, findAll;
var init_repo = __esm({
  "cloudfunctions/api/src/modules/org/repo.ts"() {
    "use strict";
    init_db();
    C = {
      streets: "streets",
      communities: "communities",
      compounds: "compounds",
      buildings: "buildings",
      households: "households",
      grids: "grids",
      partnerUnits: "partner_units",
      users: "users"
    };
    getUser = (db, id) => getById(db, C.users, id);
    getCommunity = (db, id) => getById(db, C.communities, id);
    getStreet = (db, id) => getById(db, C.streets, id);
    getHousehold = (db, id) => getById(db, C.households, id);
    findAll = readAll;
  }
});

// cloudfunctions/api/src/modules/org/rules.ts
function holdsRole(user3, community, roles3) {
  return user3.roles.some(
    (g) => roles3.includes(g.role) && (g.communityId === community._id || g.role === "street_admin" && g.communityId === community.streetId)
  );
}
function rolesIn(user3, communityId) {
  return user3.roles.filter((g) => g.communityId === communityId).map((g) => g.role);
}
function canGrant(caller, community, role) {
  if (holdsRole(caller, community, ["street_admin"])) return GRANTABLE_BY.street_admin.includes(role);
  if (holdsRole(caller, community, ["secretary"])) return GRANTABLE_BY.secretary.includes(role);
  return false;
}
function canRevoke(caller, target, community, role) {
  if (caller._id === target._id && (role === "secretary" || role === "street_admin")) return false;
  return canGrant(caller, community, role);
}
function sameGrant(a, b) {
  return a.communityId === b.communityId && a.role === b.role;
}
function maskName(name) {
  const chars = Array.from((name ?? "").trim());
  if (chars.length === 0) return "**";
  if (chars.length === 1) return chars[0] + "*";
  if (chars.length === 2) return chars[0] + "*";
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}
function maskPhone(phone) {
  if (!phone) return null;
  const p = phone.replace(/\s+/g, "");
  if (p.length >= 11) return p.slice(0, 3) + "****" + p.slice(-4);
  return "*".repeat(Math.max(0, p.length - 2)) + p.slice(-2);
}
function listName(user3) {
  return maskName(user3.realName || user3.nickname);
}
function livesIn(user3, communityId) {
  return user3.householdStatus === "verified" && user3.communityId === communityId;
}
function headScope(user3, communityId) {
  return user3.roles.filter((g) => g.role === "building_head" && g.communityId === communityId).flatMap((g) => g.buildingIds ?? []);
}
function canConfirmHousehold(caller, community, buildingId) {
  return holdsRole(caller, community, ["secretary", "street_admin"]) || headScope(caller, community._id).includes(buildingId);
}
function actsFor(proxy, resident, communityId) {
  return resident.proxies.some((p) => p.proxyId === proxy._id && p.communityId === communityId) && livesIn(resident, communityId) && !!resident.buildingId && headScope(proxy, communityId).includes(resident.buildingId);
}
var GRANTABLE_BY, isResidenceGrant;
var init_rules = __esm({
  "cloudfunctions/api/src/modules/org/rules.ts"() {
    "use strict";
    GRANTABLE_BY = {
      secretary: ["resident", "party_member", "volunteer", "building_head", "grid_worker"],
      street_admin: ["resident", "party_member", "volunteer", "building_head", "grid_worker", "secretary"]
    };
    isResidenceGrant = (g) => g.role === "resident";
  }
});

// cloudfunctions/api/src/modules/org/views.ts
async function roleViews(db, user3) {
  const ids = user3.roles.map((r) => r.communityId);
  const buildingIds = user3.roles.flatMap((r) => r.buildingIds ?? []);
  const [communities2, streets, buildings] = await Promise.all([
    getMany(db, C.communities, ids),
    getMany(db, C.streets, ids),
    buildingIds.length ? getMany(db, C.buildings, buildingIds) : Promise.resolve(/* @__PURE__ */ new Map())
  ]);
  return user3.roles.map((r) => {
    var _a3, _b;
    return {
      communityId: r.communityId,
      communityName: ((_a3 = communities2.get(r.communityId)) == null ? void 0 : _a3.name) ?? ((_b = streets.get(r.communityId)) == null ? void 0 : _b.name) ?? "",
      role: r.role,
      ...r.buildingIds ? { buildings: r.buildingIds.map((id) => {
        var _a4;
        return { id, name: ((_a4 = buildings.get(id)) == null ? void 0 : _a4.name) ?? "" };
      }) } : {}
    };
  });
}
function householdNote(user3) {
  if (user3.householdStatus === "pending") return "待确认：楼栋长或社区确认您住在这里后，您就是本社区的居民了，可以许愿、兑换积分、请楼栋长代办和参加议事。";
  const d = user3.householdDecision;
  if (!user3.householdId && (d == null ? void 0 : d.outcome) === "rejected") return `您申报的住址「${d.label}」没有通过确认：${d.reason ?? "请联系楼栋长或社区"}。可以重新选择住址。`;
  return null;
}
async function householdView(db, householdId) {
  if (!householdId) return null;
  const h = await getHousehold(db, householdId);
  if (!h) return null;
  return { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: await householdLabel(db, h) };
}
async function meView(db, user3) {
  var _a3, _b;
  const [roles3, household, proxied] = await Promise.all([
    roleViews(db, user3),
    householdView(db, user3.householdId),
    findMany(db, C.users, { "proxies.proxyId": user3._id }, { limit: 100 })
  ]);
  return {
    userId: user3._id,
    nickname: user3.nickname,
    avatarUrl: user3.avatarUrl,
    realName: user3.realName,
    phone: user3.phone,
    household,
    householdStatus: household ? user3.householdStatus ?? "pending" : null,
    householdNote: householdNote(user3),
    roles: roles3,
    privacy: {
      version: ((_a3 = user3.privacy) == null ? void 0 : _a3.version) ?? null,
      at: user3.privacy ? new Date(user3.privacy.at).toISOString() : null,
      current: PRIVACY_VERSION,
      needsConsent: ((_b = user3.privacy) == null ? void 0 : _b.version) !== PRIVACY_VERSION
    },
    elderMode: user3.elderMode,
    // A building head acts for these residents by name, so they see the full name (it is their own ward):
    // only those whose household is verified and in the building head's appointed scope.
    proxyFor: proxied.filter((p) => p.communityId && actsFor(user3, p, p.communityId)).map((p) => ({ userId: p._id, name: p.realName || p.nickname, buildingId: p.buildingId ?? null }))
  };
}
function communityView(c, street) {
  return {
    id: c._id,
    name: c.name,
    address: c.address,
    streetId: c.streetId,
    streetName: (street == null ? void 0 : street.name) ?? "",
    householdCount: c.householdCount,
    population: c.population
  };
}
var init_views = __esm({
  "cloudfunctions/api/src/modules/org/views.ts"() {
    "use strict";
    init_org();
    init_rules();
    init_db();
    init_repo();
  }
});

// cloudfunctions/api/src/modules/org/login.ts
var login_exports = {};
__export(login_exports, {
  default: () => login_default
});
async function login(ctx, input) {
  const { db, openid } = ctx;
  if (!openid) throw unauthenticated();
  let user3 = ctx.user ?? await findUserByOpenid(db, openid);
  if (!user3) user3 = await createUser(ctx, openid);
  if (input.privacyConsentVersion !== void 0) {
    if (input.privacyConsentVersion !== PRIVACY_VERSION) throw invalid("隐私保护指引已更新，请重新阅读后同意");
    const privacy = { version: PRIVACY_VERSION, at: ctx.now() };
    await db.collection(C.users).doc(user3._id).update({ data: { privacy: db.command.set(privacy), updatedAt: ctx.now() } });
    user3 = { ...user3, privacy };
  }
  return meView(db, user3);
}
async function createUser(ctx, openid) {
  const now = ctx.now();
  const user3 = {
    _id: newId("u"),
    openid,
    offline: false,
    nickname: "微信用户",
    avatarUrl: null,
    realName: null,
    phone: null,
    householdId: null,
    communityId: null,
    roles: [],
    proxies: [],
    privacy: null,
    elderMode: null,
    birthYear: null,
    createdAt: now,
    updatedAt: now
  };
  try {
    await ctx.db.collection(C.users).add({ data: user3 });
    return user3;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await findUserByOpenid(ctx.db, openid);
    if (!existing) throw err;
    return existing;
  }
}
var login_default;
var init_login = __esm({
  "cloudfunctions/api/src/modules/org/login.ts"() {
    "use strict";
    init_org();
    init_action();
    init_db();
    init_errors();
    init_repo();
    init_views();
    login_default = defineAction({
      name: "org.login",
      input: LoginInput,
      access: wechat,
      writes: true,
      handler: login
    });
  }
});

// cloudfunctions/api/src/modules/org/me.ts
var me_exports = {};
__export(me_exports, {
  default: () => me_default
});
var me_default;
var init_me = __esm({
  "cloudfunctions/api/src/modules/org/me.ts"() {
    "use strict";
    init_org();
    init_action();
    init_views();
    me_default = defineAction({
      name: "org.me",
      input: MeInput,
      access: user,
      writes: false,
      handler: (ctx) => meView(ctx.db, ctx.user)
    });
  }
});

// cloudfunctions/api/src/modules/org/updateProfile.ts
var updateProfile_exports = {};
__export(updateProfile_exports, {
  default: () => updateProfile_default
});
async function updateProfile(ctx, input) {
  var _a3;
  const { db, user: user3 } = ctx;
  const personal = input.realName !== void 0 || input.phoneCode !== void 0 || input.householdId !== void 0;
  if (personal && ((_a3 = user3.privacy) == null ? void 0 : _a3.version) !== PRIVACY_VERSION) throw forbidden("请先阅读并同意隐私保护指引");
  const patch = {};
  if (input.nickname !== void 0) {
    const verdict = await ctx.openapi.checkText(ctx.openid, input.nickname, 1);
    if (verdict !== "pass") throw invalid("昵称含有不适宜的内容，请换一个");
    patch.nickname = input.nickname;
  }
  if (input.avatarUrl !== void 0) patch.avatarUrl = input.avatarUrl;
  if (input.realName !== void 0) patch.realName = input.realName;
  if (input.elderMode !== void 0) patch.elderMode = input.elderMode;
  if (input.householdId !== void 0 && input.householdId !== user3.householdId) {
    const h = input.householdId === null ? null : await getHousehold(db, input.householdId);
    if (input.householdId !== null && !h) throw invalid("没有找到这个门牌，请重新选择");
    const oldCommunity = user3.communityId;
    patch.roles = user3.roles.filter((g) => !isResidenceGrant(g));
    patch.proxies = user3.proxies.filter((p) => p.communityId !== oldCommunity);
    patch.householdId = (h == null ? void 0 : h._id) ?? null;
    patch.communityId = (h == null ? void 0 : h.communityId) ?? null;
    patch.buildingId = (h == null ? void 0 : h.buildingId) ?? null;
    patch.householdStatus = h ? "pending" : null;
    patch.householdDeclaredAt = h ? ctx.now() : null;
  }
  if (input.phoneCode !== void 0) patch.phone = await ctx.openapi.phoneNumber(input.phoneCode);
  if (Object.keys(patch).length === 0) return meView(db, user3);
  patch.updatedAt = ctx.now();
  const data = { ...patch };
  if (patch.roles) data.roles = db.command.set(patch.roles);
  if (patch.proxies) data.proxies = db.command.set(patch.proxies);
  await db.collection(C.users).doc(user3._id).update({ data });
  return meView(db, { ...user3, ...patch });
}
var updateProfile_default;
var init_updateProfile = __esm({
  "cloudfunctions/api/src/modules/org/updateProfile.ts"() {
    "use strict";
    init_org();
    init_action();
    init_errors();
    init_repo();
    init_rules();
    init_views();
    updateProfile_default = defineAction({
      name: "org.updateProfile",
      input: UpdateProfileInput,
      access: user,
      writes: true,
      handler: updateProfile
    });
  }
});

// cloudfunctions/api/src/modules/org/communities.ts
var communities_exports = {};
__export(communities_exports, {
  default: () => communities_default
});
async function communities(ctx) {
  const list5 = await readAll(ctx.db, C.communities, {});
  const streets = await getMany(ctx.db, C.streets, list5.map((c) => c.streetId));
  return list5.map((c) => communityView(c, streets.get(c.streetId)));
}
var communities_default;
var init_communities = __esm({
  "cloudfunctions/api/src/modules/org/communities.ts"() {
    "use strict";
    init_org();
    init_action();
    init_db();
    init_repo();
    init_views();
    communities_default = defineAction({ name: "org.communities", input: CommunitiesInput, access: user, writes: false, handler: communities });
  }
});

// cloudfunctions/api/src/modules/org/tree.ts
var tree_exports = {};
__export(tree_exports, {
  default: () => tree_default
});
async function tree(ctx, input) {
  const community = await getCommunity(ctx.db, input.communityId);
  if (!community) throw notFound("社区");
  const [street, parts] = await Promise.all([getStreet(ctx.db, community.streetId), communityTree(ctx.db, community._id)]);
  const workers = await getMany(ctx.db, C.users, parts.grids.map((g) => g.workerId).filter((x) => !!x));
  return {
    community: communityView(community, street),
    compounds: parts.compounds.sort(byName).map((cp) => ({
      id: cp._id,
      name: cp.name,
      address: cp.address,
      gridId: cp.gridId,
      buildings: parts.buildings.filter((b) => b.compoundId === cp._id).sort(byName).map((b) => ({ id: b._id, name: b.name, units: b.units }))
    })),
    grids: parts.grids.map((g) => {
      const w = g.workerId ? workers.get(g.workerId) : void 0;
      return { id: g._id, name: g.name, compoundIds: g.compoundIds, workerName: w ? listName(w) : null };
    }),
    partnerUnits: parts.partners.map((p) => ({ id: p._id, name: p.name, kind: p.kind }))
  };
}
var byName, tree_default;
var init_tree = __esm({
  "cloudfunctions/api/src/modules/org/tree.ts"() {
    "use strict";
    init_org();
    init_action();
    init_errors();
    init_repo();
    init_rules();
    init_views();
    byName = (a, b) => a.name.localeCompare(b.name, "zh-Hans-CN", { numeric: true });
    tree_default = defineAction({ name: "org.tree", input: TreeInput, access: user, writes: false, handler: tree });
  }
});

// cloudfunctions/api/src/modules/org/households.ts
var households_exports = {};
__export(households_exports, {
  default: () => households_default
});
async function households(ctx, input) {
  const building = await getById(ctx.db, C.buildings, input.buildingId);
  if (!building) throw notFound("楼栋");
  const list5 = await readAll(ctx.db, C.households, { buildingId: building._id });
  return list5.sort((a, b) => a.unit - b.unit || a.room.localeCompare(b.room, "zh-Hans-CN", { numeric: true })).map((h) => ({ id: h._id, unit: h.unit, room: h.room, label: `${h.unit}单元 ${h.room}` }));
}
var households_default;
var init_households = __esm({
  "cloudfunctions/api/src/modules/org/households.ts"() {
    "use strict";
    init_org();
    init_action();
    init_db();
    init_errors();
    init_repo();
    households_default = defineAction({ name: "org.households", input: HouseholdsInput, access: user, writes: false, handler: households });
  }
});

// cloudfunctions/api/src/modules/party/repo.ts
var PT;
var init_repo2 = __esm({
  "cloudfunctions/api/src/modules/party/repo.ts"() {
    "use strict";
    PT = {
      registrations: "party_registrations",
      scenes: "scene_tokens",
      posts: "party_posts",
      pairs: "party_pairs",
      visits: "party_visits",
      pairSettings: "party_pair_settings",
      activities: "activities",
      signups: "activity_signups",
      /** Messages to everyone signed up, sent in batches (cancelNotice.ts). */
      noticeJobs: "notify_jobs"
    };
  }
});

// cloudfunctions/api/src/modules/party/verified.ts
async function verifiedRegistration(db, userId, communityId) {
  const [r] = await findMany(db, PT.registrations, { activeKey: userId, communityId, status: "verified" }, { limit: 1 });
  return r ?? null;
}
var init_verified = __esm({
  "cloudfunctions/api/src/modules/party/verified.ts"() {
    "use strict";
    init_db();
    init_repo2();
  }
});

// cloudfunctions/api/src/modules/org/belongs.ts
async function belongsTo(db, person, communityId) {
  if (livesIn(person, communityId)) return true;
  return await verifiedRegistration(db, person._id, communityId) !== null;
}
var init_belongs = __esm({
  "cloudfunctions/api/src/modules/org/belongs.ts"() {
    "use strict";
    init_verified();
    init_rules();
  }
});

// cloudfunctions/api/src/platform/audit.ts
function auditId(at) {
  seq = (seq + 1) % 46656;
  return "a" + at.getTime().toString(36).padStart(9, "0") + seq.toString(36).padStart(3, "0") + newId().slice(0, 8);
}
function auditDoc(ctx, entry) {
  var _a3;
  const now = ctx.now();
  return {
    _id: auditId(now),
    at: now,
    communityId: entry.communityId,
    actorId: ((_a3 = ctx.user) == null ? void 0 : _a3._id) ?? null,
    action: entry.action ?? ctx.action,
    resource: entry.resource,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId
  };
}
async function recordIn(tx, ctx, entry) {
  await tx.collection(AUDIT).add({ data: auditDoc(ctx, entry) });
}
async function trace(ctx, entry) {
  await ctx.db.collection(AUDIT).add({ data: auditDoc(ctx, entry) });
}
var seq, AUDIT;
var init_audit = __esm({
  "cloudfunctions/api/src/platform/audit.ts"() {
    "use strict";
    init_db();
    seq = 0;
    AUDIT = "audit_log";
  }
});

// cloudfunctions/api/src/modules/org/grants.ts
async function loadGrantParties(ctx, input) {
  const [community, target] = await Promise.all([getCommunity(ctx.db, input.communityId), getUser(ctx.db, input.userId)]);
  if (!community) throw notFound("社区");
  if (!target) throw notFound("这位居民");
  return { community, target };
}
async function changeRoles(ctx, communityId, target, change) {
  const _ = ctx.db.command;
  const after = await runTx(ctx.db, async (tx) => {
    const current = await txGet(tx, C.users, target._id);
    if (!current) throw notFound("这位居民");
    const next = change(current.roles);
    await tx.collection(C.users).doc(target._id).update({ data: { roles: _.set(next), updatedAt: ctx.now() } });
    await recordIn(tx, ctx, {
      communityId,
      resource: { type: "user", id: target._id, label: listName(target) },
      before: { roles: rolesHere(current.roles, communityId) },
      after: { roles: rolesHere(next, communityId) }
    });
    return next;
  });
  return { userId: target._id, roles: await roleViews(ctx.db, { roles: rolesHere(after, communityId) }) };
}
var rolesHere;
var init_grants = __esm({
  "cloudfunctions/api/src/modules/org/grants.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_views();
    rolesHere = (roles3, communityId) => roles3.filter((g) => g.communityId === communityId);
  }
});

// cloudfunctions/api/src/modules/org/assignRole.ts
var assignRole_exports = {};
__export(assignRole_exports, {
  default: () => assignRole_default
});
async function assignRole(ctx, input) {
  const { community, target } = await loadGrantParties(ctx, input);
  if (!canGrant(ctx.user, community, input.role)) throw forbidden("您不能授予这个角色");
  const staffAppointment = input.role === "secretary" && holdsRole(ctx.user, community, ["street_admin"]);
  if (!staffAppointment && !await belongsTo(ctx.db, target, community._id)) throw notFound("这位居民");
  if (input.role === "building_head") return setBuildingScope(ctx, community._id, target, input.buildingIds ?? []);
  const grant2 = { communityId: community._id, role: input.role };
  return changeRoles(ctx, community._id, target, (roles3) => {
    if (roles3.some((g) => sameGrant(g, grant2))) throw conflict("这位居民已经有这个角色了");
    return [...roles3, grant2];
  });
}
async function setBuildingScope(ctx, communityId, target, buildingIds) {
  const ids = [...new Set(buildingIds)];
  const found = await getMany(ctx.db, C.buildings, ids);
  if (ids.some((id) => {
    var _a3;
    return ((_a3 = found.get(id)) == null ? void 0 : _a3.communityId) !== communityId;
  })) throw invalid("请选择本社区的楼栋");
  const grant2 = { communityId, role: "building_head", buildingIds: ids };
  const isHeadHere = (g) => g.role === "building_head" && g.communityId === communityId;
  return changeRoles(ctx, communityId, target, (roles3) => {
    const current = roles3.find(isHeadHere);
    if (current && sameScope(current.buildingIds ?? [], ids)) throw conflict("这位居民已经是这些楼栋的楼栋长了");
    return [...roles3.filter((g) => !isHeadHere(g)), grant2];
  });
}
var sameScope, assignRole_default;
var init_assignRole = __esm({
  "cloudfunctions/api/src/modules/org/assignRole.ts"() {
    "use strict";
    init_org();
    init_action();
    init_errors();
    init_belongs();
    init_grants();
    init_repo();
    init_rules();
    sameScope = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
    assignRole_default = defineAction({ name: "org.assignRole", input: AssignRoleInput, access: SECRETARY, writes: true, handler: assignRole });
  }
});

// cloudfunctions/api/src/modules/org/revokeRole.ts
var revokeRole_exports = {};
__export(revokeRole_exports, {
  default: () => revokeRole_default
});
async function revokeRole(ctx, input) {
  const { community, target } = await loadGrantParties(ctx, input);
  if (!canRevoke(ctx.user, target, community, input.role)) throw forbidden("您不能撤销这个角色");
  const grant2 = { communityId: community._id, role: input.role };
  return changeRoles(ctx, community._id, target, (roles3) => {
    if (!roles3.some((g) => sameGrant(g, grant2))) throw conflict("这位居民没有这个角色");
    return roles3.filter((g) => !sameGrant(g, grant2));
  });
}
var revokeRole_default;
var init_revokeRole = __esm({
  "cloudfunctions/api/src/modules/org/revokeRole.ts"() {
    "use strict";
    init_org();
    init_action();
    init_errors();
    init_grants();
    init_rules();
    revokeRole_default = defineAction({ name: "org.revokeRole", input: RevokeRoleInput, access: SECRETARY, writes: true, handler: revokeRole });
  }
});

// cloudfunctions/api/src/modules/org/members.ts
var members_exports = {};
__export(members_exports, {
  default: () => members_default
});
async function members2(ctx, input) {
  const { db } = ctx;
  const _ = db.command;
  const limit = input.limit ?? 20;
  const filter = input.role ? { roles: _.elemMatch({ communityId: input.communityId, role: input.role }) } : { "roles.communityId": input.communityId };
  if (input.cursor) filter._id = _.gt(input.cursor);
  let where = filter;
  if (input.keyword) {
    const re = db.RegExp({ regexp: escapeRegExp(input.keyword), options: "i" });
    where = _.and([filter, _.or([{ realName: re }, { nickname: re }])]);
  }
  const users = await findMany(db, C.users, where, { orderBy: [["_id", "asc"]], limit: limit + 1 });
  const page2 = users.slice(0, limit);
  const households2 = await getMany(db, C.households, page2.map((u) => u.householdId).filter((x) => !!x));
  const items2 = await Promise.all(
    page2.map(async (u) => {
      var _a3;
      const h = u.householdId && u.communityId === input.communityId ? households2.get(u.householdId) : void 0;
      return {
        userId: u._id,
        name: listName(u),
        phone: maskPhone(u.phone),
        roles: rolesIn(u, input.communityId),
        householdLabel: h ? ((_a3 = await householdView(db, h._id)) == null ? void 0 : _a3.label) ?? null : null,
        offline: u.offline === true
      };
    })
  );
  return { items: items2, nextCursor: users.length > limit ? page2[page2.length - 1]._id : null };
}
var escapeRegExp, members_default;
var init_members = __esm({
  "cloudfunctions/api/src/modules/org/members.ts"() {
    "use strict";
    init_org();
    init_action();
    init_db();
    init_repo();
    init_rules();
    init_views();
    escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    members_default = defineAction({ name: "org.members", input: MembersInput, access: SECRETARY, writes: false, handler: members2 });
  }
});

// cloudfunctions/api/src/modules/org/member.ts
var member_exports = {};
__export(member_exports, {
  default: () => member_default
});
async function member(ctx, input) {
  const target = await getUser(ctx.db, input.userId);
  if (!target || !await belongsTo(ctx.db, target, input.communityId)) throw notFound("这位居民");
  const proxies = await getMany(ctx.db, C.users, target.proxies.map((p) => p.proxyId));
  const detail2 = {
    userId: target._id,
    nickname: target.nickname,
    realName: target.realName,
    phone: target.phone,
    household: target.communityId === input.communityId ? await householdView(ctx.db, target.householdId) : null,
    householdStatus: target.communityId === input.communityId ? target.householdStatus ?? null : null,
    roles: rolesIn(target, input.communityId),
    headBuildingIds: headScope(target, input.communityId),
    proxies: target.proxies.map((p) => ({ proxyId: p.proxyId, name: listName(proxies.get(p.proxyId) ?? { realName: null, nickname: "" }) })),
    offline: target.offline === true
  };
  await trace(ctx, { communityId: input.communityId, action: "org.member.read", resource: { type: "user", id: target._id, label: listName(target) } });
  return detail2;
}
var member_default;
var init_member = __esm({
  "cloudfunctions/api/src/modules/org/member.ts"() {
    "use strict";
    init_org();
    init_action();
    init_audit();
    init_errors();
    init_belongs();
    init_repo();
    init_rules();
    init_views();
    member_default = defineAction({ name: "org.member", input: MemberInput, access: SECRETARY, writes: false, handler: member });
  }
});

// cloudfunctions/api/src/modules/org/setProxy.ts
var setProxy_exports = {};
__export(setProxy_exports, {
  default: () => setProxy_default
});
async function setProxy(ctx, input) {
  const { db, user: user3 } = ctx;
  const community = await getCommunity(db, input.communityId);
  if (!community) throw notFound("社区");
  const isSecretary2 = holdsRole(user3, community, ["secretary", "street_admin"]);
  const proxyId = input.proxyId ?? user3._id;
  if (!isSecretary2 && proxyId !== user3._id) throw forbidden("楼栋长只能为自己设置代办");
  const [resident, proxy] = await Promise.all([getUser(db, input.residentId), proxyId === user3._id ? user3 : getUser(db, proxyId)]);
  if (!resident || resident.communityId !== community._id) throw notFound("这位居民");
  if (!proxy) throw notFound("代办人");
  const covers = !!resident.buildingId && headScope(proxy, community._id).includes(resident.buildingId);
  if (input.enabled) {
    if (!livesIn(resident, community._id) || !resident.buildingId) throw forbidden("这位居民的住址还没有确认，确认后才能设置代办");
    if (!covers && !isSecretary2) throw forbidden("只能为您负责的楼栋的居民代办");
    if (!covers) throw invalid("代办人需要是负责这栋楼的楼栋长");
  } else if (!isSecretary2) {
    const isProxy = resident.proxies.some((p) => p.proxyId === proxyId && p.communityId === community._id);
    if (!isProxy && !covers) throw forbidden("只能为您负责的楼栋的居民代办");
  }
  const _ = db.command;
  const mine3 = (p) => p.proxyId === proxyId && p.communityId === community._id;
  await runTx(db, async (tx) => {
    const current = await txGet(tx, C.users, resident._id) ?? resident;
    const before = current.proxies;
    const after = input.enabled ? [...before.filter((p) => !mine3(p)), { proxyId, communityId: community._id, since: ctx.now() }] : before.filter((p) => !mine3(p));
    await tx.collection(C.users).doc(resident._id).update({ data: { proxies: _.set(after), updatedAt: ctx.now() } });
    await recordIn(tx, ctx, { communityId: community._id, resource: { type: "user", id: resident._id, label: listName(resident) }, before: { proxies: before }, after: { proxies: after } });
  });
  return { residentId: resident._id, proxyId, enabled: input.enabled };
}
var setProxy_default;
var init_setProxy = __esm({
  "cloudfunctions/api/src/modules/org/setProxy.ts"() {
    "use strict";
    init_org();
    init_action();
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    setProxy_default = defineAction({
      name: "org.setProxy",
      input: SetProxyInput,
      access: roles("building_head", "secretary", "street_admin"),
      writes: true,
      handler: setProxy
    });
  }
});

// cloudfunctions/api/src/modules/org/audit.ts
var audit_exports = {};
__export(audit_exports, {
  default: () => audit_default
});
async function auditList(ctx, input) {
  const { db } = ctx;
  const { page: page2, nextCursor } = await newestFirstPage(db, AUDIT, input.communityId, input.cursor, input.limit ?? 20);
  const actors = await getMany(db, C.users, page2.map((d) => d.actorId).filter((x) => !!x));
  return {
    items: page2.map((d) => ({
      id: d._id,
      at: new Date(d.at).toISOString(),
      actorName: d.actorId && actors.get(d.actorId) ? listName(actors.get(d.actorId)) : "系统",
      action: d.action,
      resource: d.resource,
      before: d.before,
      after: d.after
    })),
    nextCursor
  };
}
var audit_default;
var init_audit2 = __esm({
  "cloudfunctions/api/src/modules/org/audit.ts"() {
    "use strict";
    init_org();
    init_action();
    init_audit();
    init_db();
    init_repo();
    init_rules();
    audit_default = defineAction({ name: "org.audit", input: AuditInput, access: SECRETARY, writes: false, handler: auditList });
  }
});

// cloudfunctions/api/src/modules/org/householdQueue.ts
var householdQueue_exports = {};
__export(householdQueue_exports, {
  default: () => householdQueue_default
});
async function householdQueue(ctx, input) {
  const { db, user: user3 } = ctx;
  const community = await getCommunity(db, input.communityId);
  if (!community) throw notFound("社区");
  const _ = db.command;
  const limit = input.limit ?? 20;
  const filter = { communityId: community._id, householdStatus: "pending" };
  if (!holdsRole(user3, community, ["secretary", "street_admin"])) {
    const scope = headScope(user3, community._id);
    if (scope.length === 0) throw forbidden("只有社区书记和楼栋长可以确认住址");
    filter.buildingId = _.in(scope);
  }
  if (input.cursor) filter._id = _.gt(input.cursor);
  const people = await findMany(db, C.users, filter, { orderBy: [["_id", "asc"]], limit: limit + 1 });
  const page2 = people.slice(0, limit);
  const households2 = await getMany(db, C.households, page2.map((p) => p.householdId ?? ""));
  const items2 = await Promise.all(
    page2.map(async (p) => {
      const h = households2.get(p.householdId ?? "");
      if (!h) return null;
      return {
        userId: p._id,
        name: p.realName || p.nickname,
        phone: maskPhone(p.phone),
        household: { id: h._id, communityId: h.communityId, compoundId: h.compoundId, buildingId: h.buildingId, label: await householdLabel(db, h) },
        declaredAt: new Date(p.householdDeclaredAt ?? p.updatedAt).toISOString(),
        offline: p.offline === true
      };
    })
  );
  return { items: items2.filter((x) => x !== null), nextCursor: people.length > limit ? page2[page2.length - 1]._id : null };
}
var householdQueue_default;
var init_householdQueue = __esm({
  "cloudfunctions/api/src/modules/org/householdQueue.ts"() {
    "use strict";
    init_org();
    init_action();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    householdQueue_default = defineAction({
      name: "org.householdQueue",
      input: HouseholdQueueInput,
      access: roles("building_head", "secretary", "street_admin"),
      writes: false,
      handler: householdQueue
    });
  }
});

// cloudfunctions/api/src/modules/org/confirmHousehold.ts
var confirmHousehold_exports = {};
__export(confirmHousehold_exports, {
  default: () => confirmHousehold_default
});
async function confirmHousehold(ctx, input) {
  const { db, user: user3 } = ctx;
  const [community, target] = await Promise.all([getCommunity(db, input.communityId), getUser(db, input.userId)]);
  if (!community) throw notFound("社区");
  if (!target || target.communityId !== community._id || target.householdStatus !== "pending" || !target.householdId) throw notFound("待确认的住址");
  const household = await getHousehold(db, target.householdId);
  if (!household) throw notFound("待确认的住址");
  if (!canConfirmHousehold(user3, community, household.buildingId)) throw forbidden("只能确认您负责的楼栋的住址");
  if (target._id === user3._id) throw forbidden("不能确认自己的住址，请由社区或其他楼栋长确认");
  const now = ctx.now();
  const _ = db.command;
  const label = await householdLabel(db, household);
  const decision = { outcome: input.approve ? "verified" : "rejected", householdId: household._id, label, reason: input.approve ? null : input.reason ?? null, at: now };
  const resident = { communityId: community._id, role: "resident" };
  await runTx(db, async (tx) => {
    const current = await txGet(tx, C.users, target._id);
    if (!current || current.householdId !== household._id || current.householdStatus !== "pending") throw conflict("这条住址已经处理过了，请刷新", "STATE_CHANGED");
    const isResident = current.roles.some((g) => g.role === "resident" && g.communityId === community._id);
    const data = input.approve ? { householdStatus: "verified", householdDecision: _.set(decision), roles: _.set(isResident ? current.roles : [...current.roles, resident]), updatedAt: now } : { householdId: null, communityId: null, buildingId: null, householdStatus: null, householdDecision: _.set(decision), updatedAt: now };
    await tx.collection(C.users).doc(target._id).update({ data });
    await recordIn(tx, ctx, {
      communityId: community._id,
      resource: { type: "user", id: target._id, label: listName(target) },
      before: { householdId: household._id, householdStatus: "pending" },
      after: input.approve ? { householdId: household._id, householdStatus: "verified" } : { householdId: null, reason: input.reason ?? null }
    });
  });
  return { userId: target._id, householdStatus: input.approve ? "verified" : null };
}
var confirmHousehold_default;
var init_confirmHousehold = __esm({
  "cloudfunctions/api/src/modules/org/confirmHousehold.ts"() {
    "use strict";
    init_org();
    init_action();
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    confirmHousehold_default = defineAction({
      name: "org.confirmHousehold",
      input: ConfirmHouseholdInput,
      access: roles("building_head", "secretary", "street_admin"),
      writes: true,
      handler: confirmHousehold
    });
  }
});

// types/templates.ts
var TEMPLATES, TEMPLATE_NAMES;
var init_templates = __esm({
  "types/templates.ts"() {
    "use strict";
    TEMPLATES = {
      /** 心愿认领通知, to the wisher: 心愿, 认领人 (the masked name the wall shows, so `thing`), 认领时间. */
      wishClaimed: { id: "local-tpl-wish-claimed", title: "心愿认领通知", fields: { thing1: "thing", thing2: "thing", time3: "time" } },
      /** 心愿完成通知, to the wisher: 心愿, 完成情况, 完成时间. */
      wishFulfilled: { id: "local-tpl-wish-fulfilled", title: "心愿完成通知", fields: { thing1: "thing", thing2: "thing", time3: "time" } },
      /** 心愿确认通知, to the claimer: 心愿, 评价 (非常满意 … 很不满意), 确认时间. */
      wishConfirmed: { id: "local-tpl-wish-confirmed", title: "心愿确认通知", fields: { thing1: "thing", phrase2: "phrase", time3: "time" } },
      /** 待办提醒: 事项, 说明. */
      reminder: { id: "local-tpl-reminder", title: "待办提醒", fields: { thing1: "thing", thing2: "thing" } }
    };
    TEMPLATE_NAMES = Object.keys(TEMPLATES);
  }
});

// types/messages.ts
var TemplateNameSchema, SubscribedInput, UndeliveredInput;
var init_messages = __esm({
  "types/messages.ts"() {
    "use strict";
    init_zod();
    init_common();
    init_templates();
    TemplateNameSchema = _enum(TEMPLATE_NAMES, { message: "没有这个消息模板" });
    SubscribedInput = object({
      templates: array(TemplateNameSchema).min(1).max(3).refine((t) => new Set(t).size === t.length, "模板不能重复")
    }).strict();
    UndeliveredInput = PageInput.extend({ communityId: Id }).strict();
  }
});

// cloudfunctions/api/src/modules/messages/repo.ts
var MSG, subscriptionId;
var init_repo3 = __esm({
  "cloudfunctions/api/src/modules/messages/repo.ts"() {
    "use strict";
    MSG = {
      subscriptions: "subscriptions",
      failures: "message_failures"
    };
    subscriptionId = (userId, template) => `${userId}_${template}`;
  }
});

// cloudfunctions/api/src/modules/org/subscribed.ts
var subscribed_exports = {};
__export(subscribed_exports, {
  default: () => subscribed_default
});
async function subscribed(ctx, input) {
  var _a3;
  const { db, user: user3 } = ctx;
  const _ = db.command;
  const now = ctx.now();
  const counts = {};
  for (const template of input.templates) {
    const _id = subscriptionId(user3._id, template);
    const base = { _id, userId: user3._id, openid: user3.openid, template, templateId: TEMPLATES[template].id, count: 0, updatedAt: now };
    await ensureDoc(db, MSG.subscriptions, base);
    await db.collection(MSG.subscriptions).doc(_id).update({ data: { count: _.inc(1), openid: user3.openid, templateId: TEMPLATES[template].id, updatedAt: now } });
    counts[template] = ((_a3 = await getById(db, MSG.subscriptions, _id)) == null ? void 0 : _a3.count) ?? 1;
  }
  return { counts };
}
var subscribed_default;
var init_subscribed = __esm({
  "cloudfunctions/api/src/modules/org/subscribed.ts"() {
    "use strict";
    init_messages();
    init_action();
    init_templates();
    init_db();
    init_repo3();
    subscribed_default = defineAction({ name: "org.subscribed", input: SubscribedInput, access: user, writes: true, handler: subscribed });
  }
});

// cloudfunctions/api/src/modules/org/undelivered.ts
var undelivered_exports = {};
__export(undelivered_exports, {
  default: () => undelivered_default
});
async function undelivered(ctx, input) {
  const { db } = ctx;
  const { page: page2, nextCursor } = await newestFirstPage(db, MSG.failures, input.communityId, input.cursor, input.limit ?? 20);
  const people = await getMany(db, C.users, page2.map((d) => d.userId));
  return {
    items: page2.map((d) => {
      var _a3;
      const person = people.get(d.userId);
      const recipientName = person ? listName(person) : "**";
      const templateTitle = ((_a3 = TEMPLATES[d.template]) == null ? void 0 : _a3.title) ?? d.template;
      return {
        id: d._id,
        at: new Date(d.at).toISOString(),
        recipientName,
        template: d.template,
        templateTitle,
        errcode: d.errcode,
        reason: d.reason,
        text: `给${recipientName}的「${templateTitle}」没有送达：${d.reason}`,
        page: d.page
      };
    }),
    nextCursor
  };
}
var undelivered_default;
var init_undelivered = __esm({
  "cloudfunctions/api/src/modules/org/undelivered.ts"() {
    "use strict";
    init_messages();
    init_action();
    init_templates();
    init_db();
    init_repo();
    init_rules();
    init_repo3();
    undelivered_default = defineAction({ name: "org.undelivered", input: UndeliveredInput, access: SECRETARY, writes: false, handler: undelivered });
  }
});

// cloudfunctions/api/src/modules/points/repo.ts
var P;
var init_repo4 = __esm({
  "cloudfunctions/api/src/modules/points/repo.ts"() {
    "use strict";
    P = {
      accounts: "point_accounts",
      transfers: "point_transfers",
      entries: "point_entries",
      rules: "point_rules",
      sponsors: "point_sponsors",
      caps: "point_caps",
      settings: "point_settings"
    };
  }
});

// node_modules/dayjs/dayjs.min.js
var require_dayjs_min = __commonJS({
  "node_modules/dayjs/dayjs.min.js"(exports2, module2) {
    !(function(t, e) {
      "object" == typeof exports2 && "undefined" != typeof module2 ? module2.exports = e() : "function" == typeof define && define.amd ? define(e) : (t = "undefined" != typeof globalThis ? globalThis : t || self).dayjs = e();
    })(exports2, (function() {
      "use strict";
      var t = 1e3, e = 6e4, n = 36e5, r = "millisecond", i = "second", s = "minute", u = "hour", a = "day", o = "week", c = "month", f = "quarter", h = "year", d = "date", l = "Invalid Date", $ = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/, y = /\[([^\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS/g, M2 = { name: "en", weekdays: "Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday".split("_"), months: "January_February_March_April_May_June_July_August_September_October_November_December".split("_"), ordinal: function(t2) {
        var e2 = ["th", "st", "nd", "rd"], n2 = t2 % 100;
        return "[" + t2 + (e2[(n2 - 20) % 10] || e2[n2] || e2[0]) + "]";
      } }, m = function(t2, e2, n2) {
        var r2 = String(t2);
        return !r2 || r2.length >= e2 ? t2 : "" + Array(e2 + 1 - r2.length).join(n2) + t2;
      }, v = { s: m, z: function(t2) {
        var e2 = -t2.utcOffset(), n2 = Math.abs(e2), r2 = Math.floor(n2 / 60), i2 = n2 % 60;
        return (e2 <= 0 ? "+" : "-") + m(r2, 2, "0") + ":" + m(i2, 2, "0");
      }, m: function t2(e2, n2) {
        if (e2.date() < n2.date()) return -t2(n2, e2);
        var r2 = 12 * (n2.year() - e2.year()) + (n2.month() - e2.month()), i2 = e2.clone().add(r2, c), s2 = n2 - i2 < 0, u2 = e2.clone().add(r2 + (s2 ? -1 : 1), c);
        return +(-(r2 + (n2 - i2) / (s2 ? i2 - u2 : u2 - i2)) || 0);
      }, a: function(t2) {
        return t2 < 0 ? Math.ceil(t2) || 0 : Math.floor(t2);
      }, p: function(t2) {
        return { M: c, y: h, w: o, d: a, D: d, h: u, m: s, s: i, ms: r, Q: f }[t2] || String(t2 || "").toLowerCase().replace(/s$/, "");
      }, u: function(t2) {
        return void 0 === t2;
      } }, g = "en", D = {};
      D[g] = M2;
      var p = "$isDayjsObject", S = function(t2) {
        return t2 instanceof _ || !(!t2 || !t2[p]);
      }, w = function t2(e2, n2, r2) {
        var i2;
        if (!e2) return g;
        if ("string" == typeof e2) {
          var s2 = e2.toLowerCase();
          D[s2] && (i2 = s2), n2 && (D[s2] = n2, i2 = s2);
          var u2 = e2.split("-");
          if (!i2 && u2.length > 1) return t2(u2[0]);
        } else {
          var a2 = e2.name;
          D[a2] = e2, i2 = a2;
        }
        return !r2 && i2 && (g = i2), i2 || !r2 && g;
      }, O = function(t2, e2) {
        if (S(t2)) return t2.clone();
        var n2 = "object" == typeof e2 ? e2 : {};
        return n2.date = t2, n2.args = arguments, new _(n2);
      }, b = v;
      b.l = w, b.i = S, b.w = function(t2, e2) {
        return O(t2, { locale: e2.$L, utc: e2.$u, x: e2.$x, $offset: e2.$offset });
      };
      var _ = (function() {
        function M3(t2) {
          this.$L = w(t2.locale, null, true), this.parse(t2), this.$x = this.$x || t2.x || {}, this[p] = true;
        }
        var m2 = M3.prototype;
        return m2.parse = function(t2) {
          this.$d = (function(t3) {
            var e2 = t3.date, n2 = t3.utc;
            if (null === e2) return /* @__PURE__ */ new Date(NaN);
            if (b.u(e2)) return /* @__PURE__ */ new Date();
            if (e2 instanceof Date) return new Date(e2);
            if ("string" == typeof e2 && !/Z$/i.test(e2)) {
              var r2 = e2.match($);
              if (r2) {
                var i2 = r2[2] - 1 || 0, s2 = (r2[7] || "0").substring(0, 3);
                return n2 ? new Date(Date.UTC(r2[1], i2, r2[3] || 1, r2[4] || 0, r2[5] || 0, r2[6] || 0, s2)) : new Date(r2[1], i2, r2[3] || 1, r2[4] || 0, r2[5] || 0, r2[6] || 0, s2);
              }
            }
            return new Date(e2);
          })(t2), this.init();
        }, m2.init = function() {
          var t2 = this.$d;
          this.$y = t2.getFullYear(), this.$M = t2.getMonth(), this.$D = t2.getDate(), this.$W = t2.getDay(), this.$H = t2.getHours(), this.$m = t2.getMinutes(), this.$s = t2.getSeconds(), this.$ms = t2.getMilliseconds();
        }, m2.$utils = function() {
          return b;
        }, m2.isValid = function() {
          return !(this.$d.toString() === l);
        }, m2.isSame = function(t2, e2) {
          var n2 = O(t2);
          return this.startOf(e2) <= n2 && n2 <= this.endOf(e2);
        }, m2.isAfter = function(t2, e2) {
          return O(t2) < this.startOf(e2);
        }, m2.isBefore = function(t2, e2) {
          return this.endOf(e2) < O(t2);
        }, m2.$g = function(t2, e2, n2) {
          return b.u(t2) ? this[e2] : this.set(n2, t2);
        }, m2.unix = function() {
          return Math.floor(this.valueOf() / 1e3);
        }, m2.valueOf = function() {
          return this.$d.getTime();
        }, m2.startOf = function(t2, e2) {
          var n2 = this, r2 = !!b.u(e2) || e2, f2 = b.p(t2), l2 = function(t3, e3) {
            var i2 = b.w(n2.$u ? Date.UTC(n2.$y, e3, t3) : new Date(n2.$y, e3, t3), n2);
            return r2 ? i2 : i2.endOf(a);
          }, $2 = function(t3, e3) {
            return b.w(n2.toDate()[t3].apply(n2.toDate("s"), (r2 ? [0, 0, 0, 0] : [23, 59, 59, 999]).slice(e3)), n2);
          }, y2 = this.$W, M4 = this.$M, m3 = this.$D, v2 = "set" + (this.$u ? "UTC" : "");
          switch (f2) {
            case h:
              return r2 ? l2(1, 0) : l2(31, 11);
            case c:
              return r2 ? l2(1, M4) : l2(0, M4 + 1);
            case o:
              var g2 = this.$locale().weekStart || 0, D2 = (y2 < g2 ? y2 + 7 : y2) - g2;
              return l2(r2 ? m3 - D2 : m3 + (6 - D2), M4);
            case a:
            case d:
              return $2(v2 + "Hours", 0);
            case u:
              return $2(v2 + "Minutes", 1);
            case s:
              return $2(v2 + "Seconds", 2);
            case i:
              return $2(v2 + "Milliseconds", 3);
            default:
              return this.clone();
          }
        }, m2.endOf = function(t2) {
          return this.startOf(t2, false);
        }, m2.$set = function(t2, e2) {
          var n2, o2 = b.p(t2), f2 = "set" + (this.$u ? "UTC" : ""), l2 = (n2 = {}, n2[a] = f2 + "Date", n2[d] = f2 + "Date", n2[c] = f2 + "Month", n2[h] = f2 + "FullYear", n2[u] = f2 + "Hours", n2[s] = f2 + "Minutes", n2[i] = f2 + "Seconds", n2[r] = f2 + "Milliseconds", n2)[o2], $2 = o2 === a ? this.$D + (e2 - this.$W) : e2;
          if (o2 === c || o2 === h) {
            var y2 = this.clone().set(d, 1);
            y2.$d[l2]($2), y2.init(), this.$d = y2.set(d, Math.min(this.$D, y2.daysInMonth())).$d;
          } else l2 && this.$d[l2]($2);
          return this.init(), this;
        }, m2.set = function(t2, e2) {
          return this.clone().$set(t2, e2);
        }, m2.get = function(t2) {
          return this[b.p(t2)]();
        }, m2.add = function(r2, f2) {
          var d2, l2 = this;
          r2 = Number(r2);
          var $2 = b.p(f2), y2 = function(t2) {
            var e2 = O(l2);
            return b.w(e2.date(e2.date() + Math.round(t2 * r2)), l2);
          };
          if ($2 === c) return this.set(c, this.$M + r2);
          if ($2 === h) return this.set(h, this.$y + r2);
          if ($2 === a) return y2(1);
          if ($2 === o) return y2(7);
          var M4 = (d2 = {}, d2[s] = e, d2[u] = n, d2[i] = t, d2)[$2] || 1, m3 = this.$d.getTime() + r2 * M4;
          return b.w(m3, this);
        }, m2.subtract = function(t2, e2) {
          return this.add(-1 * t2, e2);
        }, m2.format = function(t2) {
          var e2 = this, n2 = this.$locale();
          if (!this.isValid()) return n2.invalidDate || l;
          var r2 = t2 || "YYYY-MM-DDTHH:mm:ssZ", i2 = b.z(this), s2 = this.$H, u2 = this.$m, a2 = this.$M, o2 = n2.weekdays, c2 = n2.months, f2 = n2.meridiem, h2 = function(t3, n3, i3, s3) {
            return t3 && (t3[n3] || t3(e2, r2)) || i3[n3].slice(0, s3);
          }, d2 = function(t3) {
            return b.s(s2 % 12 || 12, t3, "0");
          }, $2 = f2 || function(t3, e3, n3) {
            var r3 = t3 < 12 ? "AM" : "PM";
            return n3 ? r3.toLowerCase() : r3;
          };
          return r2.replace(y, (function(t3, r3) {
            return r3 || (function(t4) {
              switch (t4) {
                case "YY":
                  return String(e2.$y).slice(-2);
                case "YYYY":
                  return b.s(e2.$y, 4, "0");
                case "M":
                  return a2 + 1;
                case "MM":
                  return b.s(a2 + 1, 2, "0");
                case "MMM":
                  return h2(n2.monthsShort, a2, c2, 3);
                case "MMMM":
                  return h2(c2, a2);
                case "D":
                  return e2.$D;
                case "DD":
                  return b.s(e2.$D, 2, "0");
                case "d":
                  return String(e2.$W);
                case "dd":
                  return h2(n2.weekdaysMin, e2.$W, o2, 2);
                case "ddd":
                  return h2(n2.weekdaysShort, e2.$W, o2, 3);
                case "dddd":
                  return o2[e2.$W];
                case "H":
                  return String(s2);
                case "HH":
                  return b.s(s2, 2, "0");
                case "h":
                  return d2(1);
                case "hh":
                  return d2(2);
                case "a":
                  return $2(s2, u2, true);
                case "A":
                  return $2(s2, u2, false);
                case "m":
                  return String(u2);
                case "mm":
                  return b.s(u2, 2, "0");
                case "s":
                  return String(e2.$s);
                case "ss":
                  return b.s(e2.$s, 2, "0");
                case "SSS":
                  return b.s(e2.$ms, 3, "0");
                case "Z":
                  return i2;
              }
              return null;
            })(t3) || i2.replace(":", "");
          }));
        }, m2.utcOffset = function() {
          return 15 * -Math.round(this.$d.getTimezoneOffset() / 15);
        }, m2.diff = function(r2, d2, l2) {
          var $2, y2 = this, M4 = b.p(d2), m3 = O(r2), v2 = (m3.utcOffset() - this.utcOffset()) * e, g2 = this - m3, D2 = function() {
            return b.m(y2, m3);
          };
          switch (M4) {
            case h:
              $2 = D2() / 12;
              break;
            case c:
              $2 = D2();
              break;
            case f:
              $2 = D2() / 3;
              break;
            case o:
              $2 = (g2 - v2) / 6048e5;
              break;
            case a:
              $2 = (g2 - v2) / 864e5;
              break;
            case u:
              $2 = g2 / n;
              break;
            case s:
              $2 = g2 / e;
              break;
            case i:
              $2 = g2 / t;
              break;
            default:
              $2 = g2;
          }
          return l2 ? $2 : b.a($2);
        }, m2.daysInMonth = function() {
          return this.endOf(c).$D;
        }, m2.$locale = function() {
          return D[this.$L];
        }, m2.locale = function(t2, e2) {
          if (!t2) return this.$L;
          var n2 = this.clone(), r2 = w(t2, e2, true);
          return r2 && (n2.$L = r2), n2;
        }, m2.clone = function() {
          return b.w(this.$d, this);
        }, m2.toDate = function() {
          return new Date(this.valueOf());
        }, m2.toJSON = function() {
          return this.isValid() ? this.toISOString() : null;
        }, m2.toISOString = function() {
          return this.$d.toISOString();
        }, m2.toString = function() {
          return this.$d.toUTCString();
        }, M3;
      })(), Y = _.prototype;
      return O.prototype = Y, [["$ms", r], ["$s", i], ["$m", s], ["$H", u], ["$W", a], ["$M", c], ["$y", h], ["$D", d]].forEach((function(t2) {
        Y[t2[1]] = function(e2) {
          return this.$g(e2, t2[0], t2[1]);
        };
      })), O.extend = function(t2, e2) {
        return t2.$i || (t2(e2, _, O), t2.$i = true), O;
      }, O.locale = w, O.isDayjs = S, O.unix = function(t2) {
        return O(1e3 * t2);
      }, O.en = D[g], O.Ls = D, O.p = {}, O;
    }));
  }
});

// node_modules/dayjs/plugin/utc.js
var require_utc = __commonJS({
  "node_modules/dayjs/plugin/utc.js"(exports2, module2) {
    !(function(t, i) {
      "object" == typeof exports2 && "undefined" != typeof module2 ? module2.exports = i() : "function" == typeof define && define.amd ? define(i) : (t = "undefined" != typeof globalThis ? globalThis : t || self).dayjs_plugin_utc = i();
    })(exports2, (function() {
      "use strict";
      var t = "minute", i = /[+-]\d\d(?::?\d\d)?/g, e = /([+-]|\d\d)/g;
      return function(s, f, n) {
        var u = f.prototype;
        n.utc = function(t2) {
          var i2 = { date: t2, utc: true, args: arguments };
          return new f(i2);
        }, u.utc = function(i2) {
          var e2 = n(this.toDate(), { locale: this.$L, utc: true });
          return i2 ? e2.add(this.utcOffset(), t) : e2;
        }, u.local = function() {
          return n(this.toDate(), { locale: this.$L, utc: false });
        };
        var r = u.parse;
        u.parse = function(t2) {
          t2.utc && (this.$u = true), this.$utils().u(t2.$offset) || (this.$offset = t2.$offset), r.call(this, t2);
        };
        var o = u.init;
        u.init = function() {
          if (this.$u) {
            var t2 = this.$d;
            this.$y = t2.getUTCFullYear(), this.$M = t2.getUTCMonth(), this.$D = t2.getUTCDate(), this.$W = t2.getUTCDay(), this.$H = t2.getUTCHours(), this.$m = t2.getUTCMinutes(), this.$s = t2.getUTCSeconds(), this.$ms = t2.getUTCMilliseconds();
          } else o.call(this);
        };
        var a = u.utcOffset;
        u.utcOffset = function(s2, f2) {
          var n2 = this.$utils().u;
          if (n2(s2)) return this.$u ? 0 : n2(this.$offset) ? a.call(this) : this.$offset;
          if ("string" == typeof s2 && (s2 = (function(t2) {
            void 0 === t2 && (t2 = "");
            var s3 = t2.match(i);
            if (!s3) return null;
            var f3 = ("" + s3[0]).match(e) || ["-", 0, 0], n3 = f3[0], u3 = 60 * +f3[1] + +f3[2];
            return 0 === u3 ? 0 : "+" === n3 ? u3 : -u3;
          })(s2), null === s2)) return this;
          var u2 = Math.abs(s2) <= 16 ? 60 * s2 : s2;
          if (0 === u2) return this.utc(f2);
          var r2 = this.clone();
          if (f2) return r2.$offset = u2, r2.$u = false, r2;
          var o2 = this.$u ? this.toDate().getTimezoneOffset() : -1 * this.utcOffset();
          return (r2 = this.local().add(u2 + o2, t)).$offset = u2, r2.$x.$localOffset = o2, r2;
        };
        var h = u.format;
        u.format = function(t2) {
          var i2 = t2 || (this.$u ? "YYYY-MM-DDTHH:mm:ss[Z]" : "");
          return h.call(this, i2);
        }, u.valueOf = function() {
          var t2 = this.$utils().u(this.$offset) ? 0 : this.$offset + (this.$x.$localOffset || this.$d.getTimezoneOffset());
          return this.$d.valueOf() - 6e4 * t2;
        }, u.isUTC = function() {
          return !!this.$u;
        }, u.toISOString = function() {
          return this.toDate().toISOString();
        }, u.toString = function() {
          return this.toDate().toUTCString();
        };
        var l = u.toDate;
        u.toDate = function(t2) {
          return "s" === t2 && this.$offset ? n(this.format("YYYY-MM-DD HH:mm:ss:SSS")).toDate() : l.call(this);
        };
        var c = u.diff;
        u.diff = function(t2, i2, e2) {
          if (t2 && this.$u === t2.$u) return c.call(this, t2, i2, e2);
          var s2 = this.local(), f2 = n(t2).local();
          return c.call(s2, f2, i2, e2);
        };
      };
    }));
  }
});

// node_modules/dayjs/plugin/timezone.js
var require_timezone = __commonJS({
  "node_modules/dayjs/plugin/timezone.js"(exports2, module2) {
    !(function(t, e) {
      "object" == typeof exports2 && "undefined" != typeof module2 ? module2.exports = e() : "function" == typeof define && define.amd ? define(e) : (t = "undefined" != typeof globalThis ? globalThis : t || self).dayjs_plugin_timezone = e();
    })(exports2, (function() {
      "use strict";
      var t = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 }, e = {};
      return function(n, i, r) {
        var o, a = function(t2, n2, i2) {
          void 0 === i2 && (i2 = {});
          var r2 = new Date(t2), o2 = (function(t3, n3) {
            void 0 === n3 && (n3 = {});
            var i3 = n3.timeZoneName || "short", r3 = t3 + "|" + i3, o3 = e[r3];
            return o3 || (o3 = new Intl.DateTimeFormat("en-US", { hour12: false, timeZone: t3, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: i3 }), e[r3] = o3), o3;
          })(n2, i2);
          return o2.formatToParts(r2);
        }, u = function(e2, n2) {
          for (var i2 = a(e2, n2), o2 = [], u2 = 0; u2 < i2.length; u2 += 1) {
            var f2 = i2[u2], s2 = f2.type, m = f2.value, c = t[s2];
            c >= 0 && (o2[c] = parseInt(m, 10));
          }
          var l = o2[3], d = 24 === l ? 0 : l, h = o2[0] + "-" + o2[1] + "-" + o2[2] + " " + d + ":" + o2[4] + ":" + o2[5] + ":000", v = +e2;
          return (r.utc(h).valueOf() - (v -= v % 1e3)) / 6e4;
        }, f = i.prototype;
        f.tz = function(t2, e2) {
          if (void 0 === t2 && (t2 = o), !this.isValid()) return this;
          var n2, i2 = this.utcOffset(), a2 = this.toDate(), f2 = a2.toLocaleString("en-US", { timeZone: t2 }), s2 = u(+a2, t2);
          if (!Number(s2)) n2 = this.utcOffset(0, e2);
          else if (n2 = r(f2, { locale: this.$L }).$set("millisecond", this.$ms).utcOffset(s2, true), e2) {
            var m = n2.utcOffset();
            n2 = n2.add(i2 - m, "minute");
          }
          return n2.$x.$timezone = t2, n2;
        }, f.offsetName = function(t2) {
          var e2 = this.$x.$timezone || r.tz.guess(), n2 = a(this.valueOf(), e2, { timeZoneName: t2 }).find((function(t3) {
            return "timezonename" === t3.type.toLowerCase();
          }));
          return n2 && n2.value;
        };
        var s = f.startOf;
        f.startOf = function(t2, e2) {
          if (!this.$x || !this.$x.$timezone) return s.call(this, t2, e2);
          var n2 = r(this.format("YYYY-MM-DD HH:mm:ss:SSS"), { locale: this.$L });
          return s.call(n2, t2, e2).tz(this.$x.$timezone, true);
        }, r.tz = function(t2, e2, n2) {
          var i2 = n2 && e2, a2 = n2 || e2 || o, f2 = u(+r(), a2);
          if ("string" != typeof t2) return r(t2).tz(a2);
          var s2 = r.utc(t2, i2).valueOf();
          if (Number.isNaN(s2)) {
            var m = r(NaN);
            return m.$x.$timezone = a2, m;
          }
          var c = (function(t3, e3, n3) {
            var i3 = t3 - 60 * e3 * 1e3, r2 = u(i3, n3);
            if (e3 === r2) return [i3, e3];
            var o2 = u(i3 -= 60 * (r2 - e3) * 1e3, n3);
            return r2 === o2 ? [i3, r2] : [t3 - 60 * Math.min(r2, o2) * 1e3, Math.max(r2, o2)];
          })(s2, f2, a2), l = c[0], d = c[1], h = r(l).utcOffset(d);
          return h.$x.$timezone = a2, h;
        }, r.tz.guess = function() {
          return Intl.DateTimeFormat().resolvedOptions().timeZone;
        }, r.tz.setDefault = function(t2) {
          o = t2;
        };
      };
    }));
  }
});

// cloudfunctions/api/src/platform/chinaTime.ts
function chinaMonthsBack(d, count) {
  const first = `${chinaMonth(d)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, -(count - 1 - i)).slice(0, 7));
}
var import_dayjs, import_utc, import_timezone, CHINA_TZ, CHINA_UTC_OFFSET_MS, inChina, chinaMonth, chinaDay, chinaYear, chinaHour, DAY_RE, isChinaDay, addDays, addMonths, chinaDayStart, chinaDayEnd, chinaMonthStart;
var init_chinaTime = __esm({
  "cloudfunctions/api/src/platform/chinaTime.ts"() {
    "use strict";
    import_dayjs = __toESM(require_dayjs_min());
    import_utc = __toESM(require_utc());
    import_timezone = __toESM(require_timezone());
    import_dayjs.default.extend(import_utc.default);
    import_dayjs.default.extend(import_timezone.default);
    CHINA_TZ = "Asia/Shanghai";
    CHINA_UTC_OFFSET_MS = 8 * 36e5;
    inChina = (d) => (0, import_dayjs.default)(d).tz(CHINA_TZ);
    chinaMonth = (d) => inChina(d).format("YYYY-MM");
    chinaDay = (d) => inChina(d).format("YYYY-MM-DD");
    chinaYear = (d) => inChina(d).year();
    chinaHour = (d) => inChina(d).hour();
    DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
    isChinaDay = (s) => DAY_RE.test(s) && import_dayjs.default.utc(s).format("YYYY-MM-DD") === s;
    addDays = (day, n) => import_dayjs.default.utc(day).add(n, "day").format("YYYY-MM-DD");
    addMonths = (day, n) => import_dayjs.default.utc(day).add(n, "month").format("YYYY-MM-DD");
    chinaDayStart = (day) => import_dayjs.default.tz(`${day} 00:00:00`, CHINA_TZ).toDate();
    chinaDayEnd = (day) => import_dayjs.default.tz(`${day} 23:59:59`, CHINA_TZ).toDate();
    chinaMonthStart = (d, monthsAgo = 0) => chinaDayStart(addMonths(`${chinaMonth(d)}-01`, -monthsAgo));
  }
});

// cloudfunctions/api/src/modules/points/rules.ts
function transferId(key) {
  return "t" + (0, import_crypto2.createHash)("sha256").update(key).digest("hex").slice(0, 31);
}
function validEntries(entries) {
  if (entries.length < 2) return false;
  const ids = new Set(entries.map((e) => e.accountId));
  if (ids.size !== entries.length) return false;
  if (!entries.every((e) => Number.isInteger(e.amount) && e.amount !== 0)) return false;
  return entries.reduce((s, e) => s + e.amount, 0) === 0;
}
function allowedUnderCaps(rule, wanted, earnedToday, earnedThisMonth) {
  let allowed = wanted;
  if (rule.dailyCap !== null) allowed = Math.min(allowed, rule.dailyCap - earnedToday);
  if (rule.monthlyCap !== null) allowed = Math.min(allowed, rule.monthlyCap - earnedThisMonth);
  return Math.max(0, allowed);
}
function expiringAmount(entries, cutoff) {
  let oldCredits = 0;
  let debits = 0;
  for (const e of entries) {
    if (e.amount > 0 && e.at < cutoff) oldCredits += e.amount;
    if (e.amount < 0) debits += -e.amount;
  }
  return Math.max(0, oldCredits - debits);
}
function expiryCutoff(today, months) {
  let d = addMonths(today, -months);
  while (addMonths(d, months) <= today) d = addDays(d, 1);
  return chinaDayStart(d);
}
function nextExpiry(entries, months, today, warnDays) {
  const credits = entries.filter((e) => e.amount > 0).sort((a, b) => a.at.getTime() - b.at.getTime());
  let debits = entries.reduce((s, e) => e.amount < 0 ? s - e.amount : s, 0);
  const oldest = credits.find((c) => {
    if (debits >= c.amount) {
      debits -= c.amount;
      return false;
    }
    return true;
  });
  if (!oldest) return null;
  const on = expiryDay(oldest.at, months);
  if (on > addDays(today, warnDays)) return null;
  const amount = expiringAmount(entries, expiryCutoff(on, months));
  return amount > 0 ? { amount, on } : null;
}
function capBuckets(at) {
  const t = inChina(at);
  return { day: t.format("YYYYMMDD"), month: t.format("YYYYMM") };
}
var import_crypto2, accountId, mayGoNegative, cachesBalance, expiryDay;
var init_rules2 = __esm({
  "cloudfunctions/api/src/modules/points/rules.ts"() {
    "use strict";
    import_crypto2 = require("crypto");
    init_chinaTime();
    accountId = {
      person: (communityId, userId) => `pa_${communityId}_${userId}`,
      sponsor: (communityId, sponsorId) => `sa_${communityId}_${sponsorId}`,
      mall: (communityId) => `ma_${communityId}`,
      expired: (communityId) => `xa_${communityId}`,
      /** Where sponsor money enters the ledger: its balance is minus everything ever funded. */
      funding: (communityId) => `fa_${communityId}`
    };
    mayGoNegative = (kind) => kind === "funding";
    cachesBalance = (kind) => kind === "person" || kind === "sponsor";
    expiryDay = (earnedAt, months) => addMonths(chinaDay(earnedAt), months);
  }
});

// cloudfunctions/api/src/modules/points/account.ts
async function expireMonthsOf(db, communityId) {
  const s = await getById(db, P.settings, communityId);
  return (s == null ? void 0 : s.expireMonths) ?? null;
}
async function expiringFor(db, account, months, now, warnDays = 30) {
  const entries = await findAll(db, P.entries, { accountId: account }, 1e5);
  return nextExpiry(entries.map((e) => ({ amount: e.amount, at: new Date(e.at) })), months, chinaDay(now), warnDays);
}
async function recentCredits(db, account, since, enough) {
  const _ = db.command;
  let sum = 0;
  let oldestAt = null;
  let before = null;
  for (; ; ) {
    const ids = before ? _.and(_.gte(entryIdFloor(since)), _.lt(before)) : _.gte(entryIdFloor(since));
    const page2 = await findMany(db, P.entries, { accountId: account, _id: ids, at: _.gte(since), amount: _.gt(0) }, {
      orderBy: [["_id", "desc"]],
      limit: 100,
      field: { _id: true, amount: true, at: true }
    });
    for (const e of page2) {
      sum += e.amount;
      const at = new Date(e.at);
      if (!oldestAt || at < oldestAt) oldestAt = at;
      if (sum >= enough) return { sum, covered: true, oldestAt };
    }
    if (page2.length < 100) return { sum, covered: false, oldestAt };
    before = page2[page2.length - 1]._id;
  }
}
async function balance(ctx, input) {
  const id = accountId.person(input.communityId, ctx.user._id);
  const acc = await getById(ctx.db, P.accounts, id);
  const months = await expireMonthsOf(ctx.db, input.communityId);
  let expiring = null;
  if (months && acc && acc.balance > 0) {
    const e = await expiringFor(ctx.db, id, months, ctx.now());
    if (e) expiring = { amount: Math.min(e.amount, acc.balance), on: e.on };
  }
  return { communityId: input.communityId, balance: (acc == null ? void 0 : acc.balance) ?? 0, expiring };
}
async function entriesPage(db, account, cursor, limit) {
  if (cursor !== void 0 && !/^e[0-9a-z]{9}[0-9a-f]{12}\d$/.test(cursor)) throw invalid("翻页参数不正确，请刷新后重试");
  const _ = db.command;
  const filter = cursor ? { accountId: account, _id: _.lt(cursor) } : { accountId: account };
  const docs = await findMany(db, P.entries, filter, { orderBy: [["_id", "desc"]], limit: limit + 1 });
  const items2 = docs.slice(0, limit);
  return { items: items2, nextCursor: docs.length > limit ? items2[items2.length - 1]._id : null };
}
async function statement(ctx, input) {
  const page2 = await entriesPage(ctx.db, accountId.person(input.communityId, ctx.user._id), input.cursor, input.limit ?? 20);
  return { items: page2.items.map(lineOf), nextCursor: page2.nextCursor };
}
var entryIdFloor, lineOf;
var init_account = __esm({
  "cloudfunctions/api/src/modules/points/account.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_repo4();
    init_repo();
    init_rules2();
    init_chinaTime();
    entryIdFloor = (at) => "e" + at.getTime().toString(36).padStart(9, "0");
    lineOf = (e) => ({
      id: e._id,
      at: new Date(e.at).toISOString(),
      amount: e.amount,
      kind: e.kind,
      reason: e.reason,
      cause: e.cause
    });
  }
});

// cloudfunctions/api/src/modules/points/ledger.ts
async function ensureAccounts(db, communityId, legs, now) {
  await Promise.all(
    legs.filter((l) => cachesBalance(l.kind)).map((l) => {
      const doc = { _id: l.accountId, communityId, kind: l.kind, ownerId: l.ownerId, balance: 0, createdAt: now, updatedAt: now };
      return ensureDoc(db, P.accounts, doc);
    })
  );
}
async function findTransfer(tx, key) {
  return txGet(tx, P.transfers, transferId(key));
}
async function applyTransfer(db, tx, req, now) {
  const legs = req.legs;
  if (!validEntries(legs)) throw internal();
  const _ = db.command;
  for (const leg of legs) {
    if (!cachesBalance(leg.kind)) continue;
    const acc = await txGet(tx, P.accounts, leg.accountId);
    if (!acc) throw internal();
    if (!mayGoNegative(leg.kind) && acc.balance + leg.amount < 0) throw insufficient(leg.kind);
    await tx.collection(P.accounts).doc(leg.accountId).update({
      data: { balance: _.inc(leg.amount), updatedAt: now }
    });
  }
  const id = transferId(req.key);
  const transfer = {
    _id: id,
    key: req.key,
    communityId: req.communityId,
    kind: req.kind,
    reason: req.reason,
    cause: req.cause,
    entries: legs.map((l) => ({ accountId: l.accountId, amount: l.amount })),
    byUserId: req.byUserId,
    at: now
  };
  await tx.collection(P.transfers).add({ data: transfer });
  const stamp = now.getTime().toString(36).padStart(9, "0");
  for (let i = 0; i < legs.length; i++) {
    const entry = {
      // Time-ordered ids: a statement pages by (accountId, _id) on one index, newest first.
      _id: `e${stamp}${id.slice(1, 13)}${i}`,
      transferId: id,
      accountId: legs[i].accountId,
      accountKind: legs[i].kind,
      communityId: req.communityId,
      amount: legs[i].amount,
      kind: req.kind,
      reason: req.reason,
      cause: req.cause,
      sponsorId: req.sponsorId ?? null,
      at: now
    };
    await tx.collection(P.entries).add({ data: entry });
  }
  return transfer;
}
async function postTransfer(db, req, now) {
  await ensureAccounts(db, req.communityId, req.legs, now);
  return runTx(db, async (tx) => {
    const existing = await findTransfer(tx, req.key);
    if (existing) return { transfer: existing, replayed: true };
    return { transfer: await applyTransfer(db, tx, req, now), replayed: false };
  });
}
var insufficient, personLeg, systemLeg, sponsorLeg;
var init_ledger = __esm({
  "cloudfunctions/api/src/modules/points/ledger.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_repo4();
    init_rules2();
    insufficient = (kind) => new AppError("CONFLICT", kind === "sponsor" ? "积分预算不足，请联系社区补充共建单位预算" : "积分余额不足");
    personLeg = (communityId, userId, amount) => ({
      accountId: accountId.person(communityId, userId),
      kind: "person",
      ownerId: userId,
      amount
    });
    systemLeg = (kind, communityId, amount) => ({
      accountId: accountId[kind](communityId),
      kind,
      ownerId: null,
      amount
    });
    sponsorLeg = (communityId, sponsorId, amount) => ({
      accountId: accountId.sponsor(communityId, sponsorId),
      kind: "sponsor",
      ownerId: sponsorId,
      amount
    });
  }
});

// cloudfunctions/api/src/modules/points/earn.ts
async function activeSponsors(db, communityId) {
  const list5 = await findMany(db, P.sponsors, { communityId, active: true }, { limit: 100 });
  return list5.sort((a, b) => a.priority - b.priority || a._id.localeCompare(b._id));
}
async function capUsed(tx, id) {
  var _a3;
  return ((_a3 = await txGet(tx, P.caps, id)) == null ? void 0 : _a3.amount) ?? 0;
}
async function addCap(db, tx, id, used, amount, now) {
  if (used === 0) {
    const existing = await txGet(tx, P.caps, id);
    if (!existing) return tx.collection(P.caps).add({ data: { _id: id, amount, updatedAt: now } });
  }
  return tx.collection(P.caps).doc(id).update({ data: { amount: db.command.inc(amount), updatedAt: now } });
}
async function credit(db, now, req) {
  const found = await getById(db, P.rules, `${req.communityId}_${req.kind}`);
  const rule = found && found.active ? found : null;
  const perUnit = req.pointsPerUnit ?? (rule == null ? void 0 : rule.points) ?? 0;
  const wanted = Math.floor(perUnit * req.quantity);
  if (wanted <= 0) return { credited: 0, capped: false, replayed: false, transferId: null };
  const caps = rule ?? { dailyCap: null, monthlyCap: null };
  const sponsors2 = await activeSponsors(db, req.communityId);
  const person = personLeg(req.communityId, req.userId, 0);
  await ensureAccounts(db, req.communityId, [person, ...sponsors2.map((s) => sponsorLeg(req.communityId, s._id, 0))], now);
  const acc = accountId.person(req.communityId, req.userId);
  const { day, month } = capBuckets(now);
  const dayId = `${acc}_${req.kind}_${day}`;
  const monthId = `${acc}_${req.kind}_${month}`;
  return runTx(db, async (tx) => {
    const existing = await findTransfer(tx, req.key);
    if (existing) return outcomeOf(existing, req, true);
    const [usedDay, usedMonth] = await Promise.all([capUsed(tx, dayId), capUsed(tx, monthId)]);
    const amount = allowedUnderCaps(caps, wanted, usedDay, usedMonth);
    if (amount === 0) {
      const marker = {
        _id: transferId(req.key),
        key: req.key,
        communityId: req.communityId,
        kind: "earn",
        reason: `${req.reason}（已达上限）`,
        cause: req.cause,
        entries: [],
        byUserId: req.byUserId,
        at: now
      };
      await tx.collection(P.transfers).add({ data: marker });
      return { credited: 0, capped: true, replayed: false, transferId: marker._id };
    }
    let payer = null;
    for (const s of sponsors2) {
      const a = await txGet(tx, P.accounts, accountId.sponsor(req.communityId, s._id));
      if (a && a.balance >= amount) {
        payer = s;
        break;
      }
    }
    if (!payer) throw insufficient("sponsor");
    const transfer = await applyTransfer(db, tx, {
      key: req.key,
      communityId: req.communityId,
      kind: "earn",
      reason: req.reason,
      cause: req.cause,
      byUserId: req.byUserId,
      sponsorId: payer._id,
      legs: [sponsorLeg(req.communityId, payer._id, -amount), personLeg(req.communityId, req.userId, amount)]
    }, now);
    await addCap(db, tx, dayId, usedDay, amount, now);
    await addCap(db, tx, monthId, usedMonth, amount, now);
    return outcomeOf(transfer, req, false, amount < wanted);
  });
}
function outcomeOf(t, req, replayed, capped = false) {
  const mine3 = t.entries.find((e) => e.accountId === accountId.person(req.communityId, req.userId));
  return { credited: (mine3 == null ? void 0 : mine3.amount) ?? 0, capped: capped || t.entries.length === 0, replayed, transferId: t._id };
}
var init_earn = __esm({
  "cloudfunctions/api/src/modules/points/earn.ts"() {
    "use strict";
    init_db();
    init_ledger();
    init_repo4();
    init_rules2();
  }
});

// cloudfunctions/api/src/modules/points/grant.ts
async function grant(ctx, input) {
  const { db } = ctx;
  const target = await getById(db, "users", input.userId);
  if (!target || !target.roles.some((g) => g.communityId === input.communityId)) throw notFound("这位居民");
  let sponsor;
  if (input.sponsorId) {
    sponsor = await getById(db, P.sponsors, input.sponsorId);
    if (!sponsor || sponsor.communityId !== input.communityId) throw notFound("共建单位");
  } else {
    const list5 = await activeSponsors(db, input.communityId);
    const accounts = await getMany(db, P.accounts, list5.map((s) => accountId.sponsor(input.communityId, s._id)));
    sponsor = input.amount > 0 ? list5.find((s) => {
      var _a3;
      return (((_a3 = accounts.get(accountId.sponsor(input.communityId, s._id))) == null ? void 0 : _a3.balance) ?? 0) >= input.amount;
    }) ?? null : list5[0] ?? null;
    if (!sponsor) throw conflict("积分预算不足，请联系社区补充共建单位预算");
  }
  const n = input.amount;
  const { transfer, replayed } = await postTransfer(db, {
    key: `grant:${input.communityId}:${input.userId}:${input.requestKey}`,
    communityId: input.communityId,
    kind: n > 0 ? "grant" : "correct",
    reason: input.reason,
    cause: { type: "manual", id: ctx.user._id },
    byUserId: ctx.user._id,
    sponsorId: sponsor._id,
    legs: [sponsorLeg(input.communityId, sponsor._id, -n), personLeg(input.communityId, input.userId, n)]
  }, ctx.now()).catch((err) => {
    if ((err == null ? void 0 : err.code) === "CONFLICT" && n < 0) throw conflict("这位居民的积分不足以扣减这么多");
    throw err;
  });
  if (!replayed) await trace(ctx, { communityId: input.communityId, resource: { type: "point_transfer", id: transfer._id }, after: { userId: input.userId, amount: n, reason: input.reason, sponsorId: sponsor._id } });
  const acc = await getById(db, P.accounts, accountId.person(input.communityId, input.userId));
  return { userId: input.userId, balance: (acc == null ? void 0 : acc.balance) ?? 0, replayed };
}
var init_grant = __esm({
  "cloudfunctions/api/src/modules/points/grant.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_earn();
    init_ledger();
    init_repo4();
    init_rules2();
  }
});

// cloudfunctions/api/src/modules/points/sponsors.ts
async function sponsorFigures(db, communityId) {
  const $ = db.command.aggregate;
  const res = await db.collection(P.entries).aggregate().match({ communityId, accountKind: db.command.in(["sponsor", "mall"]) }).group({ _id: { sponsorId: "$sponsorId", accountKind: "$accountKind" }, total: $.sum("$amount") }).limit(1e3).end();
  const out = /* @__PURE__ */ new Map();
  for (const row of res.list) {
    if (!row._id.sponsorId) continue;
    const f = out.get(row._id.sponsorId) ?? { issued: 0, redeemed: 0 };
    if (row._id.accountKind === "mall") f.redeemed += row.total;
    out.set(row._id.sponsorId, f);
  }
  const issued = await db.collection(P.entries).aggregate().match({ communityId, accountKind: "sponsor", kind: db.command.neq("fund") }).group({ _id: "$accountId", total: $.sum("$amount") }).limit(1e3).end();
  for (const row of issued.list) {
    const sponsorId = row._id.slice(`sa_${communityId}_`.length);
    const f = out.get(sponsorId) ?? { issued: 0, redeemed: 0 };
    f.issued = -row.total;
    out.set(sponsorId, f);
  }
  return out;
}
async function sponsorViews(db, communityId, includeInactive = true) {
  const list5 = (await findMany(db, P.sponsors, { communityId }, { limit: 100 })).filter((s) => includeInactive || s.active);
  const [accounts, figures] = await Promise.all([
    getMany(db, P.accounts, list5.map((s) => accountId.sponsor(communityId, s._id))),
    sponsorFigures(db, communityId)
  ]);
  return list5.sort((a, b) => a.priority - b.priority || a._id.localeCompare(b._id)).map((s) => {
    var _a3;
    const budget = ((_a3 = accounts.get(accountId.sponsor(communityId, s._id))) == null ? void 0 : _a3.balance) ?? 0;
    const f = figures.get(s._id) ?? { issued: 0, redeemed: 0 };
    return {
      id: s._id,
      name: s.name,
      partnerUnitId: s.partnerUnitId,
      contact: s.contact,
      budget,
      issued: f.issued,
      redeemed: f.redeemed,
      warnBelow: s.warnBelow,
      low: s.active && budget < s.warnBelow,
      priority: s.priority,
      active: s.active
    };
  });
}
async function setSponsor(ctx, input) {
  const { db } = ctx;
  const before = input.sponsorId ? await getById(db, P.sponsors, input.sponsorId) : null;
  if (input.sponsorId && (!before || before.communityId !== input.communityId)) throw notFound("共建单位");
  const id = (before == null ? void 0 : before._id) ?? newId("sp");
  const doc = {
    _id: id,
    communityId: input.communityId,
    name: input.name,
    partnerUnitId: input.partnerUnitId ?? (before == null ? void 0 : before.partnerUnitId) ?? null,
    contact: input.contact ?? (before == null ? void 0 : before.contact) ?? null,
    warnBelow: input.warnBelow,
    priority: input.priority ?? (before == null ? void 0 : before.priority) ?? 10,
    active: input.active ?? (before == null ? void 0 : before.active) ?? true,
    createdAt: (before == null ? void 0 : before.createdAt) ?? ctx.now()
  };
  const { _id, ...data } = doc;
  await db.collection(P.sponsors).doc(_id).set({ data });
  await trace(ctx, { communityId: input.communityId, resource: { type: "sponsor", id }, before, after: doc });
  return sponsorViews(db, input.communityId);
}
async function fundSponsor(ctx, input) {
  const sponsor = await getById(ctx.db, P.sponsors, input.sponsorId);
  if (!sponsor || sponsor.communityId !== input.communityId) throw notFound("共建单位");
  if (!sponsor.active) throw invalid("这个共建单位已停用，请先启用");
  const { replayed } = await postTransfer(ctx.db, {
    key: `fund:${sponsor._id}:${input.requestKey}`,
    communityId: input.communityId,
    kind: "fund",
    reason: `${sponsor.name}注入积分预算：${input.note}`,
    cause: { type: "sponsor", id: sponsor._id },
    byUserId: ctx.user._id,
    sponsorId: sponsor._id,
    legs: [systemLeg("funding", input.communityId, -input.amount), sponsorLeg(input.communityId, sponsor._id, input.amount)]
  }, ctx.now());
  if (!replayed) await trace(ctx, { communityId: input.communityId, resource: { type: "sponsor", id: sponsor._id }, after: { funded: input.amount, note: input.note } });
  return sponsorViews(ctx.db, input.communityId);
}
var sponsors;
var init_sponsors = __esm({
  "cloudfunctions/api/src/modules/points/sponsors.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_ledger();
    init_repo4();
    init_rules2();
    sponsors = (ctx, input) => sponsorViews(ctx.db, input.communityId);
  }
});

// cloudfunctions/api/src/modules/points/report.ts
async function report(ctx, input) {
  const { db } = ctx;
  const monthsBack = input.months ?? 6;
  const now = ctx.now();
  const from = chinaMonthStart(now, monthsBack - 1);
  const $ = db.command.aggregate;
  const res = await db.collection(P.entries).aggregate().match({ communityId: input.communityId, at: db.command.gte(from), accountKind: db.command.in(["person"]) }).project({ kind: 1, amount: 1, local: $.add(["$at", CHINA_UTC_OFFSET_MS]) }).group({ _id: { kind: "$kind", y: $.year("$local"), m: $.month("$local") }, total: $.sum("$amount") }).limit(1e3).end();
  const months = /* @__PURE__ */ new Map();
  for (const key of chinaMonthsBack(now, monthsBack)) months.set(key, { month: key, issued: 0, redeemed: 0, refunded: 0, expired: 0 });
  for (const row of res.list) {
    const m = months.get(`${row._id.y}-${String(row._id.m).padStart(2, "0")}`);
    if (!m) continue;
    if (row._id.kind === "earn" || row._id.kind === "grant" || row._id.kind === "correct") m.issued += row.total;
    else if (row._id.kind === "redeem") m.redeemed += -row.total;
    else if (row._id.kind === "refund") m.refunded += row.total;
    else if (row._id.kind === "expire") m.expired += -row.total;
  }
  const sponsors2 = await sponsorViews(db, input.communityId);
  const issued = sponsors2.reduce((s, x) => s + x.issued, 0);
  const redeemed = sponsors2.reduce((s, x) => s + x.redeemed, 0);
  const budget = sponsors2.reduce((s, x) => s + x.budget, 0);
  const warnings = sponsors2.filter((s) => s.low).map((s) => s.budget === 0 ? `${s.name}的积分预算已用完，新的积分将无法发放` : `${s.name}的积分预算只剩 ${s.budget}，低于提醒线 ${s.warnBelow}`);
  return { sponsors: sponsors2, months: [...months.values()], totals: { budget, issued, redeemed, outstanding: issued - redeemed }, warnings };
}
var init_report = __esm({
  "cloudfunctions/api/src/modules/points/report.ts"() {
    "use strict";
    init_repo4();
    init_sponsors();
    init_chinaTime();
  }
});

// types/points.ts
var EARN_KINDS, EarnKind, EARN_LABELS, ITEM_KINDS, ItemKind, ITEM_KIND_LABELS, ORDER_STATUSES, Points, Community2, BalanceInput, StatementInput, RulesInput, SetRuleInput, GrantInput, SponsorsInput, SetSponsorInput, FundSponsorInput, SetExpiryInput, ReportInput, ItemsInput, ItemInput, UpsertItemInput, RedeemInput, CancelInput, PickupQrInput, OrderInput, MyOrdersInput, VerifyInput, OrdersInput;
var init_points = __esm({
  "types/points.ts"() {
    "use strict";
    init_zod();
    init_common();
    EARN_KINDS = ["volunteer_hour", "wish_fulfilled", "suggestion_adopted", "council_participation", "waste_sorting"];
    EarnKind = _enum(EARN_KINDS);
    EARN_LABELS = {
      volunteer_hour: "志愿服务（每小时）",
      wish_fulfilled: "完成微心愿",
      suggestion_adopted: "建议被采纳",
      council_participation: "参与议事",
      waste_sorting: "垃圾分类"
    };
    ITEM_KINDS = ["goods", "service", "fee_reduction", "venue_voucher"];
    ItemKind = _enum(ITEM_KINDS);
    ITEM_KIND_LABELS = {
      goods: "实物",
      service: "服务",
      fee_reduction: "物业费减免",
      venue_voucher: "场地券"
    };
    ORDER_STATUSES = ["reserved", "picked_up", "cancelled", "expired"];
    Points = number2().int("积分必须是整数").min(1, "积分至少为 1").max(1e6, "积分数额过大");
    Community2 = { communityId: Id };
    BalanceInput = object(Community2).strict();
    StatementInput = PageInput.extend(Community2).strict();
    RulesInput = object(Community2).strict();
    SetRuleInput = object({
      ...Community2,
      kind: EarnKind,
      points: number2().int().min(0).max(1e4),
      dailyCap: number2().int().min(1).max(1e5).nullable(),
      monthlyCap: number2().int().min(1).max(1e6).nullable(),
      active: boolean2()
    }).strict();
    GrantInput = object({
      ...Community2,
      userId: Id,
      /** Positive to grant, negative to correct downwards. A correction is a new entry, never an edit. */
      amount: number2().int().min(-1e6).max(1e6).refine((n) => n !== 0, "数额不能为 0"),
      reason: Text(100),
      /** Whose budget pays (or takes back); defaults to the first funded sponsor by priority. */
      sponsorId: Id.optional(),
      /** Client-generated key so a retried tap grants once. */
      requestKey: string2().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/)
    }).strict();
    SponsorsInput = object(Community2).strict();
    SetSponsorInput = object({
      ...Community2,
      sponsorId: Id.optional(),
      name: Text(40),
      partnerUnitId: Id.nullable().optional(),
      contact: string2().trim().max(40).nullable().optional(),
      warnBelow: number2().int().min(0).max(1e7),
      priority: number2().int().min(0).max(1e3).optional(),
      active: boolean2().optional()
    }).strict();
    FundSponsorInput = object({ ...Community2, sponsorId: Id, amount: Points, note: Text(100), requestKey: string2().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict();
    SetExpiryInput = object({ ...Community2, expireMonths: number2().int().min(1).max(120).nullable() }).strict();
    ReportInput = object({ ...Community2, months: number2().int().min(1).max(24).optional() }).strict();
    ItemsInput = PageInput.extend({ ...Community2, kind: ItemKind.optional(), includeInactive: boolean2().optional() }).strict();
    ItemInput = object({ ...Community2, itemId: Id }).strict();
    UpsertItemInput = object({
      ...Community2,
      itemId: Id.optional(),
      name: Text(30),
      kind: ItemKind,
      description: string2().trim().max(500),
      photos: array(string2().max(500)).max(6),
      price: Points,
      /** Units to add to stock (negative to remove), never a raw overwrite: concurrent sales stay counted. */
      stockDelta: number2().int().min(-1e5).max(1e5),
      perPersonLimit: number2().int().min(1).max(1e3).nullable(),
      pickupPlace: Text(50),
      pickupHours: Text(50),
      pickupDays: number2().int().min(1).max(60),
      sponsorId: Id.nullable(),
      active: boolean2()
    }).strict();
    RedeemInput = object({
      ...Community2,
      itemId: Id,
      quantity: number2().int("数量必须是整数").min(1, "数量至少为 1").max(20, "一次最多兑换 20 件"),
      /** Client-generated per tap: a retried redeem makes one order. */
      requestKey: string2().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/)
    }).strict();
    CancelInput = object({ ...Community2, orderId: Id }).strict();
    PickupQrInput = object({ ...Community2, orderId: Id }).strict();
    OrderInput = object({ ...Community2, orderId: Id }).strict();
    MyOrdersInput = PageInput.extend(Community2).strict();
    VerifyInput = object({ ...Community2, code: string2().trim().regex(/^\d{8}$/, "取货码是 8 位数字") }).strict();
    OrdersInput = PageInput.extend({ ...Community2, status: _enum(ORDER_STATUSES).optional() }).strict();
  }
});

// cloudfunctions/api/src/modules/points/settings.ts
async function rules(ctx, input) {
  const list5 = await findMany(ctx.db, P.rules, { communityId: input.communityId }, { limit: 100 });
  const byKind = new Map(list5.map((r) => [r.kind, r]));
  return {
    rules: EARN_KINDS.map((kind) => {
      const r = byKind.get(kind);
      return { kind, label: EARN_LABELS[kind], points: (r == null ? void 0 : r.points) ?? 0, dailyCap: (r == null ? void 0 : r.dailyCap) ?? null, monthlyCap: (r == null ? void 0 : r.monthlyCap) ?? null, active: (r == null ? void 0 : r.active) ?? false };
    }),
    expireMonths: await expireMonthsOf(ctx.db, input.communityId)
  };
}
async function setRule(ctx, input) {
  const id = `${input.communityId}_${input.kind}`;
  const before = await getById(ctx.db, P.rules, id);
  const { communityId, kind, points, dailyCap, monthlyCap, active } = input;
  const doc = { communityId, kind, points, dailyCap, monthlyCap, active, updatedAt: ctx.now() };
  await ctx.db.collection(P.rules).doc(id).set({ data: doc });
  await trace(ctx, { communityId, resource: { type: "point_rule", id }, before, after: doc });
  return rules(ctx, { communityId });
}
async function setExpiry(ctx, input) {
  const before = await expireMonthsOf(ctx.db, input.communityId);
  await ctx.db.collection(P.settings).doc(input.communityId).set({ data: { expireMonths: input.expireMonths, updatedAt: ctx.now() } });
  await ctx.db.collection(P.accounts).where({ communityId: input.communityId, kind: "person" }).update({ data: { expiryCheckAt: ctx.now() } });
  await trace(ctx, { communityId: input.communityId, resource: { type: "point_settings", id: input.communityId }, before: { expireMonths: before }, after: { expireMonths: input.expireMonths } });
  return rules(ctx, { communityId: input.communityId });
}
var init_settings = __esm({
  "cloudfunctions/api/src/modules/points/settings.ts"() {
    "use strict";
    init_points();
    init_audit();
    init_db();
    init_account();
    init_repo4();
  }
});

// cloudfunctions/api/src/modules/mall/repo.ts
var M;
var init_repo5 = __esm({
  "cloudfunctions/api/src/modules/mall/repo.ts"() {
    "use strict";
    M = {
      items: "mall_items",
      orders: "mall_orders",
      quotas: "mall_quotas"
    };
  }
});

// cloudfunctions/api/src/modules/mall/rules.ts
function remainingUnderLimit(limit, held) {
  return limit === null ? null : Math.max(0, limit - held);
}
function verifyRefusal(o) {
  if (o.status === "picked_up") return "这个取货码已经核销过了";
  if (o.status === "cancelled") return "这个订单已取消，不能取货";
  if (o.status === "expired") return "这个订单已过期，积分已退回";
  return null;
}
var import_crypto3, orderIdFor, newPickupCode, canClose, isOwner;
var init_rules3 = __esm({
  "cloudfunctions/api/src/modules/mall/rules.ts"() {
    "use strict";
    import_crypto3 = require("crypto");
    orderIdFor = (userId, requestKey) => "o" + (0, import_crypto3.createHash)("sha256").update(`${userId}:${requestKey}`).digest("hex").slice(0, 23);
    newPickupCode = () => String((0, import_crypto3.randomInt)(1e7, 1e8));
    canClose = (o) => o.status === "reserved";
    isOwner = (o, userId) => o.userId === userId;
  }
});

// cloudfunctions/api/src/modules/mall/views.ts
function itemView(item2, sponsorName, myRemaining) {
  return {
    id: item2._id,
    name: item2.name,
    kind: item2.kind,
    kindLabel: ITEM_KIND_LABELS[item2.kind],
    description: item2.description,
    photos: item2.photos,
    price: item2.price,
    stock: item2.stock,
    perPersonLimit: item2.perPersonLimit,
    pickupPlace: item2.pickupPlace,
    pickupHours: item2.pickupHours,
    pickupDays: item2.pickupDays,
    sponsorId: item2.sponsorId,
    sponsorName,
    active: item2.active,
    myRemaining
  };
}
function orderView(o, item2, userName) {
  return {
    id: o._id,
    itemId: o.itemId,
    itemName: o.itemName,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    pickupCode: o.status === "reserved" ? o.pickupCode : null,
    pickupPlace: (item2 == null ? void 0 : item2.pickupPlace) ?? null,
    pickupHours: (item2 == null ? void 0 : item2.pickupHours) ?? null,
    deadline: new Date(o.deadline).toISOString(),
    createdAt: new Date(o.createdAt).toISOString(),
    closedAt: o.closedAt ? new Date(o.closedAt).toISOString() : null,
    ...userName !== void 0 ? { userName } : {}
  };
}
var init_views2 = __esm({
  "cloudfunctions/api/src/modules/mall/views.ts"() {
    "use strict";
    init_points();
  }
});

// cloudfunctions/api/src/modules/mall/items.ts
async function isSecretary(ctx, communityId) {
  const c = await getCommunity(ctx.db, communityId);
  return !!c && holdsRole(ctx.user, c, ["secretary", "street_admin"]);
}
async function views(db, userId, items2) {
  const [sponsors2, quotas] = await Promise.all([
    getMany(db, P.sponsors, items2.map((i) => i.sponsorId).filter((x) => !!x)),
    getMany(db, M.quotas, items2.map((i) => `${i._id}_${userId}`))
  ]);
  return items2.map((i) => {
    var _a3, _b;
    return itemView(i, i.sponsorId ? ((_a3 = sponsors2.get(i.sponsorId)) == null ? void 0 : _a3.name) ?? null : null, remainingUnderLimit(i.perPersonLimit, ((_b = quotas.get(`${i._id}_${userId}`)) == null ? void 0 : _b.count) ?? 0));
  });
}
async function items(ctx, input) {
  const _ = ctx.db.command;
  const all = input.includeInactive && await isSecretary(ctx, input.communityId);
  const filter = { communityId: input.communityId };
  if (!all) filter.active = true;
  if (input.kind) filter.kind = input.kind;
  if (input.cursor) filter._id = _.gt(input.cursor);
  const limit = input.limit ?? 20;
  const docs = await findMany(ctx.db, M.items, filter, { orderBy: [["_id", "asc"]], limit: limit + 1 });
  const page2 = docs.slice(0, limit);
  return { items: await views(ctx.db, ctx.user._id, page2), nextCursor: docs.length > limit ? page2[page2.length - 1]._id : null };
}
async function item(ctx, input) {
  const doc = await getById(ctx.db, M.items, input.itemId);
  if (!doc || doc.communityId !== input.communityId || !doc.active && !await isSecretary(ctx, input.communityId)) throw notFound("这件商品");
  return (await views(ctx.db, ctx.user._id, [doc]))[0];
}
async function upsertItem(ctx, input) {
  const { db } = ctx;
  const _ = db.command;
  const now = ctx.now();
  if (input.sponsorId) {
    const s = await getById(db, P.sponsors, input.sponsorId);
    if (!s || s.communityId !== input.communityId) throw notFound("共建单位");
  }
  const fields = {
    name: input.name,
    kind: input.kind,
    description: input.description,
    photos: input.photos,
    price: input.price,
    perPersonLimit: input.perPersonLimit,
    pickupPlace: input.pickupPlace,
    pickupHours: input.pickupHours,
    pickupDays: input.pickupDays,
    sponsorId: input.sponsorId,
    active: input.active,
    updatedAt: now
  };
  if (!input.itemId) {
    if (input.stockDelta < 0) throw invalid("新商品的库存不能为负数");
    const doc = { _id: newId("it"), communityId: input.communityId, ...fields, stock: input.stockDelta, createdAt: now, holds: [] };
    await db.collection(M.items).add({ data: doc });
    await trace(ctx, { communityId: input.communityId, resource: { type: "mall_item", id: doc._id }, after: { ...fields, stock: doc.stock } });
    return (await views(db, ctx.user._id, [doc]))[0];
  }
  const before = await getById(db, M.items, input.itemId);
  if (!before || before.communityId !== input.communityId) throw notFound("这件商品");
  const cond = { _id: before._id };
  if (input.stockDelta < 0) cond.stock = _.gte(-input.stockDelta);
  const res = await db.collection(M.items).where(cond).update({ data: { ...fields, photos: _.set(input.photos), stock: _.inc(input.stockDelta) } });
  if (res.stats.updated !== 1) throw conflict("库存不够减这么多");
  const after = await getById(db, M.items, before._id);
  const { stock: s0, ...b } = before;
  await trace(ctx, { communityId: input.communityId, resource: { type: "mall_item", id: before._id }, before: { ...b, stock: s0 }, after: { ...fields, stock: after.stock } });
  return (await views(db, ctx.user._id, [after]))[0];
}
var init_items = __esm({
  "cloudfunctions/api/src/modules/mall/items.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_repo4();
    init_repo5();
    init_rules3();
    init_views2();
  }
});

// cloudfunctions/api/src/platform/crc32.ts
function crc32(buf) {
  let c = 4294967295;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 255] ^ c >>> 8;
  return (c ^ 4294967295) >>> 0;
}
var CRC_TABLE;
var init_crc32 = __esm({
  "cloudfunctions/api/src/platform/crc32.ts"() {
    "use strict";
    CRC_TABLE = (() => {
      const t = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
        t[n] = c >>> 0;
      }
      return t;
    })();
  }
});

// node_modules/qrcode/lib/core/utils.js
var require_utils = __commonJS({
  "node_modules/qrcode/lib/core/utils.js"(exports2) {
    var toSJISFunction;
    var CODEWORDS_COUNT = [
      0,
      // Not used
      26,
      44,
      70,
      100,
      134,
      172,
      196,
      242,
      292,
      346,
      404,
      466,
      532,
      581,
      655,
      733,
      815,
      901,
      991,
      1085,
      1156,
      1258,
      1364,
      1474,
      1588,
      1706,
      1828,
      1921,
      2051,
      2185,
      2323,
      2465,
      2611,
      2761,
      2876,
      3034,
      3196,
      3362,
      3532,
      3706
    ];
    exports2.getSymbolSize = function getSymbolSize(version2) {
      if (!version2) throw new Error('"version" cannot be null or undefined');
      if (version2 < 1 || version2 > 40) throw new Error('"version" should be in range from 1 to 40');
      return version2 * 4 + 17;
    };
    exports2.getSymbolTotalCodewords = function getSymbolTotalCodewords(version2) {
      return CODEWORDS_COUNT[version2];
    };
    exports2.getBCHDigit = function(data) {
      let digit = 0;
      while (data !== 0) {
        digit++;
        data >>>= 1;
      }
      return digit;
    };
    exports2.setToSJISFunction = function setToSJISFunction(f) {
      if (typeof f !== "function") {
        throw new Error('"toSJISFunc" is not a valid function.');
      }
      toSJISFunction = f;
    };
    exports2.isKanjiModeEnabled = function() {
      return typeof toSJISFunction !== "undefined";
    };
    exports2.toSJIS = function toSJIS(kanji) {
      return toSJISFunction(kanji);
    };
  }
});

// node_modules/qrcode/lib/core/error-correction-level.js
var require_error_correction_level = __commonJS({
  "node_modules/qrcode/lib/core/error-correction-level.js"(exports2) {
    exports2.L = { bit: 1 };
    exports2.M = { bit: 0 };
    exports2.Q = { bit: 3 };
    exports2.H = { bit: 2 };
    function fromString(string3) {
      if (typeof string3 !== "string") {
        throw new Error("Param is not a string");
      }
      const lcStr = string3.toLowerCase();
      switch (lcStr) {
        case "l":
        case "low":
          return exports2.L;
        case "m":
        case "medium":
          return exports2.M;
        case "q":
        case "quartile":
          return exports2.Q;
        case "h":
        case "high":
          return exports2.H;
        default:
          throw new Error("Unknown EC Level: " + string3);
      }
    }
    exports2.isValid = function isValid(level) {
      return level && typeof level.bit !== "undefined" && level.bit >= 0 && level.bit < 4;
    };
    exports2.from = function from(value, defaultValue) {
      if (exports2.isValid(value)) {
        return value;
      }
      try {
        return fromString(value);
      } catch (e) {
        return defaultValue;
      }
    };
  }
});

// node_modules/qrcode/lib/core/bit-buffer.js
var require_bit_buffer = __commonJS({
  "node_modules/qrcode/lib/core/bit-buffer.js"(exports2, module2) {
    function BitBuffer() {
      this.buffer = [];
      this.length = 0;
    }
    BitBuffer.prototype = {
      get: function(index) {
        const bufIndex = Math.floor(index / 8);
        return (this.buffer[bufIndex] >>> 7 - index % 8 & 1) === 1;
      },
      put: function(num, length) {
        for (let i = 0; i < length; i++) {
          this.putBit((num >>> length - i - 1 & 1) === 1);
        }
      },
      getLengthInBits: function() {
        return this.length;
      },
      putBit: function(bit) {
        const bufIndex = Math.floor(this.length / 8);
        if (this.buffer.length <= bufIndex) {
          this.buffer.push(0);
        }
        if (bit) {
          this.buffer[bufIndex] |= 128 >>> this.length % 8;
        }
        this.length++;
      }
    };
    module2.exports = BitBuffer;
  }
});

// node_modules/qrcode/lib/core/bit-matrix.js
var require_bit_matrix = __commonJS({
  "node_modules/qrcode/lib/core/bit-matrix.js"(exports2, module2) {
    function BitMatrix(size) {
      if (!size || size < 1) {
        throw new Error("BitMatrix size must be defined and greater than 0");
      }
      this.size = size;
      this.data = new Uint8Array(size * size);
      this.reservedBit = new Uint8Array(size * size);
    }
    BitMatrix.prototype.set = function(row, col2, value, reserved) {
      const index = row * this.size + col2;
      this.data[index] = value;
      if (reserved) this.reservedBit[index] = true;
    };
    BitMatrix.prototype.get = function(row, col2) {
      return this.data[row * this.size + col2];
    };
    BitMatrix.prototype.xor = function(row, col2, value) {
      this.data[row * this.size + col2] ^= value;
    };
    BitMatrix.prototype.isReserved = function(row, col2) {
      return this.reservedBit[row * this.size + col2];
    };
    module2.exports = BitMatrix;
  }
});

// node_modules/qrcode/lib/core/alignment-pattern.js
var require_alignment_pattern = __commonJS({
  "node_modules/qrcode/lib/core/alignment-pattern.js"(exports2) {
    var getSymbolSize = require_utils().getSymbolSize;
    exports2.getRowColCoords = function getRowColCoords(version2) {
      if (version2 === 1) return [];
      const posCount = Math.floor(version2 / 7) + 2;
      const size = getSymbolSize(version2);
      const intervals = size === 145 ? 26 : Math.ceil((size - 13) / (2 * posCount - 2)) * 2;
      const positions = [size - 7];
      for (let i = 1; i < posCount - 1; i++) {
        positions[i] = positions[i - 1] - intervals;
      }
      positions.push(6);
      return positions.reverse();
    };
    exports2.getPositions = function getPositions(version2) {
      const coords = [];
      const pos = exports2.getRowColCoords(version2);
      const posLength = pos.length;
      for (let i = 0; i < posLength; i++) {
        for (let j = 0; j < posLength; j++) {
          if (i === 0 && j === 0 || // top-left
          i === 0 && j === posLength - 1 || // bottom-left
          i === posLength - 1 && j === 0) {
            continue;
          }
          coords.push([pos[i], pos[j]]);
        }
      }
      return coords;
    };
  }
});

// node_modules/qrcode/lib/core/finder-pattern.js
var require_finder_pattern = __commonJS({
  "node_modules/qrcode/lib/core/finder-pattern.js"(exports2) {
    var getSymbolSize = require_utils().getSymbolSize;
    var FINDER_PATTERN_SIZE = 7;
    exports2.getPositions = function getPositions(version2) {
      const size = getSymbolSize(version2);
      return [
        // top-left
        [0, 0],
        // top-right
        [size - FINDER_PATTERN_SIZE, 0],
        // bottom-left
        [0, size - FINDER_PATTERN_SIZE]
      ];
    };
  }
});

// node_modules/qrcode/lib/core/mask-pattern.js
var require_mask_pattern = __commonJS({
  "node_modules/qrcode/lib/core/mask-pattern.js"(exports2) {
    exports2.Patterns = {
      PATTERN000: 0,
      PATTERN001: 1,
      PATTERN010: 2,
      PATTERN011: 3,
      PATTERN100: 4,
      PATTERN101: 5,
      PATTERN110: 6,
      PATTERN111: 7
    };
    var PenaltyScores = {
      N1: 3,
      N2: 3,
      N3: 40,
      N4: 10
    };
    exports2.isValid = function isValid(mask) {
      return mask != null && mask !== "" && !isNaN(mask) && mask >= 0 && mask <= 7;
    };
    exports2.from = function from(value) {
      return exports2.isValid(value) ? parseInt(value, 10) : void 0;
    };
    exports2.getPenaltyN1 = function getPenaltyN1(data) {
      const size = data.size;
      let points = 0;
      let sameCountCol = 0;
      let sameCountRow = 0;
      let lastCol = null;
      let lastRow = null;
      for (let row = 0; row < size; row++) {
        sameCountCol = sameCountRow = 0;
        lastCol = lastRow = null;
        for (let col2 = 0; col2 < size; col2++) {
          let module3 = data.get(row, col2);
          if (module3 === lastCol) {
            sameCountCol++;
          } else {
            if (sameCountCol >= 5) points += PenaltyScores.N1 + (sameCountCol - 5);
            lastCol = module3;
            sameCountCol = 1;
          }
          module3 = data.get(col2, row);
          if (module3 === lastRow) {
            sameCountRow++;
          } else {
            if (sameCountRow >= 5) points += PenaltyScores.N1 + (sameCountRow - 5);
            lastRow = module3;
            sameCountRow = 1;
          }
        }
        if (sameCountCol >= 5) points += PenaltyScores.N1 + (sameCountCol - 5);
        if (sameCountRow >= 5) points += PenaltyScores.N1 + (sameCountRow - 5);
      }
      return points;
    };
    exports2.getPenaltyN2 = function getPenaltyN2(data) {
      const size = data.size;
      let points = 0;
      for (let row = 0; row < size - 1; row++) {
        for (let col2 = 0; col2 < size - 1; col2++) {
          const last = data.get(row, col2) + data.get(row, col2 + 1) + data.get(row + 1, col2) + data.get(row + 1, col2 + 1);
          if (last === 4 || last === 0) points++;
        }
      }
      return points * PenaltyScores.N2;
    };
    exports2.getPenaltyN3 = function getPenaltyN3(data) {
      const size = data.size;
      let points = 0;
      let bitsCol = 0;
      let bitsRow = 0;
      for (let row = 0; row < size; row++) {
        bitsCol = bitsRow = 0;
        for (let col2 = 0; col2 < size; col2++) {
          bitsCol = bitsCol << 1 & 2047 | data.get(row, col2);
          if (col2 >= 10 && (bitsCol === 1488 || bitsCol === 93)) points++;
          bitsRow = bitsRow << 1 & 2047 | data.get(col2, row);
          if (col2 >= 10 && (bitsRow === 1488 || bitsRow === 93)) points++;
        }
      }
      return points * PenaltyScores.N3;
    };
    exports2.getPenaltyN4 = function getPenaltyN4(data) {
      let darkCount = 0;
      const modulesCount = data.data.length;
      for (let i = 0; i < modulesCount; i++) darkCount += data.data[i];
      const k = Math.abs(Math.ceil(darkCount * 100 / modulesCount / 5) - 10);
      return k * PenaltyScores.N4;
    };
    function getMaskAt(maskPattern, i, j) {
      switch (maskPattern) {
        case exports2.Patterns.PATTERN000:
          return (i + j) % 2 === 0;
        case exports2.Patterns.PATTERN001:
          return i % 2 === 0;
        case exports2.Patterns.PATTERN010:
          return j % 3 === 0;
        case exports2.Patterns.PATTERN011:
          return (i + j) % 3 === 0;
        case exports2.Patterns.PATTERN100:
          return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
        case exports2.Patterns.PATTERN101:
          return i * j % 2 + i * j % 3 === 0;
        case exports2.Patterns.PATTERN110:
          return (i * j % 2 + i * j % 3) % 2 === 0;
        case exports2.Patterns.PATTERN111:
          return (i * j % 3 + (i + j) % 2) % 2 === 0;
        default:
          throw new Error("bad maskPattern:" + maskPattern);
      }
    }
    exports2.applyMask = function applyMask(pattern, data) {
      const size = data.size;
      for (let col2 = 0; col2 < size; col2++) {
        for (let row = 0; row < size; row++) {
          if (data.isReserved(row, col2)) continue;
          data.xor(row, col2, getMaskAt(pattern, row, col2));
        }
      }
    };
    exports2.getBestMask = function getBestMask(data, setupFormatFunc) {
      const numPatterns = Object.keys(exports2.Patterns).length;
      let bestPattern = 0;
      let lowerPenalty = Infinity;
      for (let p = 0; p < numPatterns; p++) {
        setupFormatFunc(p);
        exports2.applyMask(p, data);
        const penalty = exports2.getPenaltyN1(data) + exports2.getPenaltyN2(data) + exports2.getPenaltyN3(data) + exports2.getPenaltyN4(data);
        exports2.applyMask(p, data);
        if (penalty < lowerPenalty) {
          lowerPenalty = penalty;
          bestPattern = p;
        }
      }
      return bestPattern;
    };
  }
});

// node_modules/qrcode/lib/core/error-correction-code.js
var require_error_correction_code = __commonJS({
  "node_modules/qrcode/lib/core/error-correction-code.js"(exports2) {
    var ECLevel = require_error_correction_level();
    var EC_BLOCKS_TABLE = [
      // L  M  Q  H
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      2,
      2,
      1,
      2,
      2,
      4,
      1,
      2,
      4,
      4,
      2,
      4,
      4,
      4,
      2,
      4,
      6,
      5,
      2,
      4,
      6,
      6,
      2,
      5,
      8,
      8,
      4,
      5,
      8,
      8,
      4,
      5,
      8,
      11,
      4,
      8,
      10,
      11,
      4,
      9,
      12,
      16,
      4,
      9,
      16,
      16,
      6,
      10,
      12,
      18,
      6,
      10,
      17,
      16,
      6,
      11,
      16,
      19,
      6,
      13,
      18,
      21,
      7,
      14,
      21,
      25,
      8,
      16,
      20,
      25,
      8,
      17,
      23,
      25,
      9,
      17,
      23,
      34,
      9,
      18,
      25,
      30,
      10,
      20,
      27,
      32,
      12,
      21,
      29,
      35,
      12,
      23,
      34,
      37,
      12,
      25,
      34,
      40,
      13,
      26,
      35,
      42,
      14,
      28,
      38,
      45,
      15,
      29,
      40,
      48,
      16,
      31,
      43,
      51,
      17,
      33,
      45,
      54,
      18,
      35,
      48,
      57,
      19,
      37,
      51,
      60,
      19,
      38,
      53,
      63,
      20,
      40,
      56,
      66,
      21,
      43,
      59,
      70,
      22,
      45,
      62,
      74,
      24,
      47,
      65,
      77,
      25,
      49,
      68,
      81
    ];
    var EC_CODEWORDS_TABLE = [
      // L  M  Q  H
      7,
      10,
      13,
      17,
      10,
      16,
      22,
      28,
      15,
      26,
      36,
      44,
      20,
      36,
      52,
      64,
      26,
      48,
      72,
      88,
      36,
      64,
      96,
      112,
      40,
      72,
      108,
      130,
      48,
      88,
      132,
      156,
      60,
      110,
      160,
      192,
      72,
      130,
      192,
      224,
      80,
      150,
      224,
      264,
      96,
      176,
      260,
      308,
      104,
      198,
      288,
      352,
      120,
      216,
      320,
      384,
      132,
      240,
      360,
      432,
      144,
      280,
      408,
      480,
      168,
      308,
      448,
      532,
      180,
      338,
      504,
      588,
      196,
      364,
      546,
      650,
      224,
      416,
      600,
      700,
      224,
      442,
      644,
      750,
      252,
      476,
      690,
      816,
      270,
      504,
      750,
      900,
      300,
      560,
      810,
      960,
      312,
      588,
      870,
      1050,
      336,
      644,
      952,
      1110,
      360,
      700,
      1020,
      1200,
      390,
      728,
      1050,
      1260,
      420,
      784,
      1140,
      1350,
      450,
      812,
      1200,
      1440,
      480,
      868,
      1290,
      1530,
      510,
      924,
      1350,
      1620,
      540,
      980,
      1440,
      1710,
      570,
      1036,
      1530,
      1800,
      570,
      1064,
      1590,
      1890,
      600,
      1120,
      1680,
      1980,
      630,
      1204,
      1770,
      2100,
      660,
      1260,
      1860,
      2220,
      720,
      1316,
      1950,
      2310,
      750,
      1372,
      2040,
      2430
    ];
    exports2.getBlocksCount = function getBlocksCount(version2, errorCorrectionLevel) {
      switch (errorCorrectionLevel) {
        case ECLevel.L:
          return EC_BLOCKS_TABLE[(version2 - 1) * 4 + 0];
        case ECLevel.M:
          return EC_BLOCKS_TABLE[(version2 - 1) * 4 + 1];
        case ECLevel.Q:
          return EC_BLOCKS_TABLE[(version2 - 1) * 4 + 2];
        case ECLevel.H:
          return EC_BLOCKS_TABLE[(version2 - 1) * 4 + 3];
        default:
          return void 0;
      }
    };
    exports2.getTotalCodewordsCount = function getTotalCodewordsCount(version2, errorCorrectionLevel) {
      switch (errorCorrectionLevel) {
        case ECLevel.L:
          return EC_CODEWORDS_TABLE[(version2 - 1) * 4 + 0];
        case ECLevel.M:
          return EC_CODEWORDS_TABLE[(version2 - 1) * 4 + 1];
        case ECLevel.Q:
          return EC_CODEWORDS_TABLE[(version2 - 1) * 4 + 2];
        case ECLevel.H:
          return EC_CODEWORDS_TABLE[(version2 - 1) * 4 + 3];
        default:
          return void 0;
      }
    };
  }
});

// node_modules/qrcode/lib/core/galois-field.js
var require_galois_field = __commonJS({
  "node_modules/qrcode/lib/core/galois-field.js"(exports2) {
    var EXP_TABLE = new Uint8Array(512);
    var LOG_TABLE = new Uint8Array(256);
    (function initTables() {
      let x = 1;
      for (let i = 0; i < 255; i++) {
        EXP_TABLE[i] = x;
        LOG_TABLE[x] = i;
        x <<= 1;
        if (x & 256) {
          x ^= 285;
        }
      }
      for (let i = 255; i < 512; i++) {
        EXP_TABLE[i] = EXP_TABLE[i - 255];
      }
    })();
    exports2.log = function log(n) {
      if (n < 1) throw new Error("log(" + n + ")");
      return LOG_TABLE[n];
    };
    exports2.exp = function exp(n) {
      return EXP_TABLE[n];
    };
    exports2.mul = function mul(x, y) {
      if (x === 0 || y === 0) return 0;
      return EXP_TABLE[LOG_TABLE[x] + LOG_TABLE[y]];
    };
  }
});

// node_modules/qrcode/lib/core/polynomial.js
var require_polynomial = __commonJS({
  "node_modules/qrcode/lib/core/polynomial.js"(exports2) {
    var GF = require_galois_field();
    exports2.mul = function mul(p1, p2) {
      const coeff = new Uint8Array(p1.length + p2.length - 1);
      for (let i = 0; i < p1.length; i++) {
        for (let j = 0; j < p2.length; j++) {
          coeff[i + j] ^= GF.mul(p1[i], p2[j]);
        }
      }
      return coeff;
    };
    exports2.mod = function mod(divident, divisor) {
      let result = new Uint8Array(divident);
      while (result.length - divisor.length >= 0) {
        const coeff = result[0];
        for (let i = 0; i < divisor.length; i++) {
          result[i] ^= GF.mul(divisor[i], coeff);
        }
        let offset = 0;
        while (offset < result.length && result[offset] === 0) offset++;
        result = result.slice(offset);
      }
      return result;
    };
    exports2.generateECPolynomial = function generateECPolynomial(degree) {
      let poly = new Uint8Array([1]);
      for (let i = 0; i < degree; i++) {
        poly = exports2.mul(poly, new Uint8Array([1, GF.exp(i)]));
      }
      return poly;
    };
  }
});

// node_modules/qrcode/lib/core/reed-solomon-encoder.js
var require_reed_solomon_encoder = __commonJS({
  "node_modules/qrcode/lib/core/reed-solomon-encoder.js"(exports2, module2) {
    var Polynomial = require_polynomial();
    function ReedSolomonEncoder(degree) {
      this.genPoly = void 0;
      this.degree = degree;
      if (this.degree) this.initialize(this.degree);
    }
    ReedSolomonEncoder.prototype.initialize = function initialize(degree) {
      this.degree = degree;
      this.genPoly = Polynomial.generateECPolynomial(this.degree);
    };
    ReedSolomonEncoder.prototype.encode = function encode2(data) {
      if (!this.genPoly) {
        throw new Error("Encoder not initialized");
      }
      const paddedData = new Uint8Array(data.length + this.degree);
      paddedData.set(data);
      const remainder = Polynomial.mod(paddedData, this.genPoly);
      const start = this.degree - remainder.length;
      if (start > 0) {
        const buff = new Uint8Array(this.degree);
        buff.set(remainder, start);
        return buff;
      }
      return remainder;
    };
    module2.exports = ReedSolomonEncoder;
  }
});

// node_modules/qrcode/lib/core/version-check.js
var require_version_check = __commonJS({
  "node_modules/qrcode/lib/core/version-check.js"(exports2) {
    exports2.isValid = function isValid(version2) {
      return !isNaN(version2) && version2 >= 1 && version2 <= 40;
    };
  }
});

// node_modules/qrcode/lib/core/regex.js
var require_regex = __commonJS({
  "node_modules/qrcode/lib/core/regex.js"(exports2) {
    var numeric = "[0-9]+";
    var alphanumeric = "[A-Z $%*+\\-./:]+";
    var kanji = "(?:[u3000-u303F]|[u3040-u309F]|[u30A0-u30FF]|[uFF00-uFFEF]|[u4E00-u9FAF]|[u2605-u2606]|[u2190-u2195]|u203B|[u2010u2015u2018u2019u2025u2026u201Cu201Du2225u2260]|[u0391-u0451]|[u00A7u00A8u00B1u00B4u00D7u00F7])+";
    kanji = kanji.replace(/u/g, "\\u");
    var byte = "(?:(?![A-Z0-9 $%*+\\-./:]|" + kanji + ")(?:.|[\r\n]))+";
    exports2.KANJI = new RegExp(kanji, "g");
    exports2.BYTE_KANJI = new RegExp("[^A-Z0-9 $%*+\\-./:]+", "g");
    exports2.BYTE = new RegExp(byte, "g");
    exports2.NUMERIC = new RegExp(numeric, "g");
    exports2.ALPHANUMERIC = new RegExp(alphanumeric, "g");
    var TEST_KANJI = new RegExp("^" + kanji + "$");
    var TEST_NUMERIC = new RegExp("^" + numeric + "$");
    var TEST_ALPHANUMERIC = new RegExp("^[A-Z0-9 $%*+\\-./:]+$");
    exports2.testKanji = function testKanji(str) {
      return TEST_KANJI.test(str);
    };
    exports2.testNumeric = function testNumeric(str) {
      return TEST_NUMERIC.test(str);
    };
    exports2.testAlphanumeric = function testAlphanumeric(str) {
      return TEST_ALPHANUMERIC.test(str);
    };
  }
});

// node_modules/qrcode/lib/core/mode.js
var require_mode = __commonJS({
  "node_modules/qrcode/lib/core/mode.js"(exports2) {
    var VersionCheck = require_version_check();
    var Regex = require_regex();
    exports2.NUMERIC = {
      id: "Numeric",
      bit: 1 << 0,
      ccBits: [10, 12, 14]
    };
    exports2.ALPHANUMERIC = {
      id: "Alphanumeric",
      bit: 1 << 1,
      ccBits: [9, 11, 13]
    };
    exports2.BYTE = {
      id: "Byte",
      bit: 1 << 2,
      ccBits: [8, 16, 16]
    };
    exports2.KANJI = {
      id: "Kanji",
      bit: 1 << 3,
      ccBits: [8, 10, 12]
    };
    exports2.MIXED = {
      bit: -1
    };
    exports2.getCharCountIndicator = function getCharCountIndicator(mode, version2) {
      if (!mode.ccBits) throw new Error("Invalid mode: " + mode);
      if (!VersionCheck.isValid(version2)) {
        throw new Error("Invalid version: " + version2);
      }
      if (version2 >= 1 && version2 < 10) return mode.ccBits[0];
      else if (version2 < 27) return mode.ccBits[1];
      return mode.ccBits[2];
    };
    exports2.getBestModeForData = function getBestModeForData(dataStr) {
      if (Regex.testNumeric(dataStr)) return exports2.NUMERIC;
      else if (Regex.testAlphanumeric(dataStr)) return exports2.ALPHANUMERIC;
      else if (Regex.testKanji(dataStr)) return exports2.KANJI;
      else return exports2.BYTE;
    };
    exports2.toString = function toString(mode) {
      if (mode && mode.id) return mode.id;
      throw new Error("Invalid mode");
    };
    exports2.isValid = function isValid(mode) {
      return mode && mode.bit && mode.ccBits;
    };
    function fromString(string3) {
      if (typeof string3 !== "string") {
        throw new Error("Param is not a string");
      }
      const lcStr = string3.toLowerCase();
      switch (lcStr) {
        case "numeric":
          return exports2.NUMERIC;
        case "alphanumeric":
          return exports2.ALPHANUMERIC;
        case "kanji":
          return exports2.KANJI;
        case "byte":
          return exports2.BYTE;
        default:
          throw new Error("Unknown mode: " + string3);
      }
    }
    exports2.from = function from(value, defaultValue) {
      if (exports2.isValid(value)) {
        return value;
      }
      try {
        return fromString(value);
      } catch (e) {
        return defaultValue;
      }
    };
  }
});

// node_modules/qrcode/lib/core/version.js
var require_version = __commonJS({
  "node_modules/qrcode/lib/core/version.js"(exports2) {
    var Utils = require_utils();
    var ECCode = require_error_correction_code();
    var ECLevel = require_error_correction_level();
    var Mode = require_mode();
    var VersionCheck = require_version_check();
    var G18 = 1 << 12 | 1 << 11 | 1 << 10 | 1 << 9 | 1 << 8 | 1 << 5 | 1 << 2 | 1 << 0;
    var G18_BCH = Utils.getBCHDigit(G18);
    function getBestVersionForDataLength(mode, length, errorCorrectionLevel) {
      for (let currentVersion = 1; currentVersion <= 40; currentVersion++) {
        if (length <= exports2.getCapacity(currentVersion, errorCorrectionLevel, mode)) {
          return currentVersion;
        }
      }
      return void 0;
    }
    function getReservedBitsCount(mode, version2) {
      return Mode.getCharCountIndicator(mode, version2) + 4;
    }
    function getTotalBitsFromDataArray(segments, version2) {
      let totalBits = 0;
      segments.forEach(function(data) {
        const reservedBits = getReservedBitsCount(data.mode, version2);
        totalBits += reservedBits + data.getBitsLength();
      });
      return totalBits;
    }
    function getBestVersionForMixedData(segments, errorCorrectionLevel) {
      for (let currentVersion = 1; currentVersion <= 40; currentVersion++) {
        const length = getTotalBitsFromDataArray(segments, currentVersion);
        if (length <= exports2.getCapacity(currentVersion, errorCorrectionLevel, Mode.MIXED)) {
          return currentVersion;
        }
      }
      return void 0;
    }
    exports2.from = function from(value, defaultValue) {
      if (VersionCheck.isValid(value)) {
        return parseInt(value, 10);
      }
      return defaultValue;
    };
    exports2.getCapacity = function getCapacity(version2, errorCorrectionLevel, mode) {
      if (!VersionCheck.isValid(version2)) {
        throw new Error("Invalid QR Code version");
      }
      if (typeof mode === "undefined") mode = Mode.BYTE;
      const totalCodewords = Utils.getSymbolTotalCodewords(version2);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version2, errorCorrectionLevel);
      const dataTotalCodewordsBits = (totalCodewords - ecTotalCodewords) * 8;
      if (mode === Mode.MIXED) return dataTotalCodewordsBits;
      const usableBits = dataTotalCodewordsBits - getReservedBitsCount(mode, version2);
      switch (mode) {
        case Mode.NUMERIC:
          return Math.floor(usableBits / 10 * 3);
        case Mode.ALPHANUMERIC:
          return Math.floor(usableBits / 11 * 2);
        case Mode.KANJI:
          return Math.floor(usableBits / 13);
        case Mode.BYTE:
        default:
          return Math.floor(usableBits / 8);
      }
    };
    exports2.getBestVersionForData = function getBestVersionForData(data, errorCorrectionLevel) {
      let seg;
      const ecl = ECLevel.from(errorCorrectionLevel, ECLevel.M);
      if (Array.isArray(data)) {
        if (data.length > 1) {
          return getBestVersionForMixedData(data, ecl);
        }
        if (data.length === 0) {
          return 1;
        }
        seg = data[0];
      } else {
        seg = data;
      }
      return getBestVersionForDataLength(seg.mode, seg.getLength(), ecl);
    };
    exports2.getEncodedBits = function getEncodedBits(version2) {
      if (!VersionCheck.isValid(version2) || version2 < 7) {
        throw new Error("Invalid QR Code version");
      }
      let d = version2 << 12;
      while (Utils.getBCHDigit(d) - G18_BCH >= 0) {
        d ^= G18 << Utils.getBCHDigit(d) - G18_BCH;
      }
      return version2 << 12 | d;
    };
  }
});

// node_modules/qrcode/lib/core/format-info.js
var require_format_info = __commonJS({
  "node_modules/qrcode/lib/core/format-info.js"(exports2) {
    var Utils = require_utils();
    var G15 = 1 << 10 | 1 << 8 | 1 << 5 | 1 << 4 | 1 << 2 | 1 << 1 | 1 << 0;
    var G15_MASK = 1 << 14 | 1 << 12 | 1 << 10 | 1 << 4 | 1 << 1;
    var G15_BCH = Utils.getBCHDigit(G15);
    exports2.getEncodedBits = function getEncodedBits(errorCorrectionLevel, mask) {
      const data = errorCorrectionLevel.bit << 3 | mask;
      let d = data << 10;
      while (Utils.getBCHDigit(d) - G15_BCH >= 0) {
        d ^= G15 << Utils.getBCHDigit(d) - G15_BCH;
      }
      return (data << 10 | d) ^ G15_MASK;
    };
  }
});

// node_modules/qrcode/lib/core/numeric-data.js
var require_numeric_data = __commonJS({
  "node_modules/qrcode/lib/core/numeric-data.js"(exports2, module2) {
    var Mode = require_mode();
    function NumericData(data) {
      this.mode = Mode.NUMERIC;
      this.data = data.toString();
    }
    NumericData.getBitsLength = function getBitsLength(length) {
      return 10 * Math.floor(length / 3) + (length % 3 ? length % 3 * 3 + 1 : 0);
    };
    NumericData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    NumericData.prototype.getBitsLength = function getBitsLength() {
      return NumericData.getBitsLength(this.data.length);
    };
    NumericData.prototype.write = function write(bitBuffer) {
      let i, group, value;
      for (i = 0; i + 3 <= this.data.length; i += 3) {
        group = this.data.substr(i, 3);
        value = parseInt(group, 10);
        bitBuffer.put(value, 10);
      }
      const remainingNum = this.data.length - i;
      if (remainingNum > 0) {
        group = this.data.substr(i);
        value = parseInt(group, 10);
        bitBuffer.put(value, remainingNum * 3 + 1);
      }
    };
    module2.exports = NumericData;
  }
});

// node_modules/qrcode/lib/core/alphanumeric-data.js
var require_alphanumeric_data = __commonJS({
  "node_modules/qrcode/lib/core/alphanumeric-data.js"(exports2, module2) {
    var Mode = require_mode();
    var ALPHA_NUM_CHARS = [
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
      "G",
      "H",
      "I",
      "J",
      "K",
      "L",
      "M",
      "N",
      "O",
      "P",
      "Q",
      "R",
      "S",
      "T",
      "U",
      "V",
      "W",
      "X",
      "Y",
      "Z",
      " ",
      "$",
      "%",
      "*",
      "+",
      "-",
      ".",
      "/",
      ":"
    ];
    function AlphanumericData(data) {
      this.mode = Mode.ALPHANUMERIC;
      this.data = data;
    }
    AlphanumericData.getBitsLength = function getBitsLength(length) {
      return 11 * Math.floor(length / 2) + 6 * (length % 2);
    };
    AlphanumericData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    AlphanumericData.prototype.getBitsLength = function getBitsLength() {
      return AlphanumericData.getBitsLength(this.data.length);
    };
    AlphanumericData.prototype.write = function write(bitBuffer) {
      let i;
      for (i = 0; i + 2 <= this.data.length; i += 2) {
        let value = ALPHA_NUM_CHARS.indexOf(this.data[i]) * 45;
        value += ALPHA_NUM_CHARS.indexOf(this.data[i + 1]);
        bitBuffer.put(value, 11);
      }
      if (this.data.length % 2) {
        bitBuffer.put(ALPHA_NUM_CHARS.indexOf(this.data[i]), 6);
      }
    };
    module2.exports = AlphanumericData;
  }
});

// node_modules/qrcode/lib/core/byte-data.js
var require_byte_data = __commonJS({
  "node_modules/qrcode/lib/core/byte-data.js"(exports2, module2) {
    var Mode = require_mode();
    function ByteData(data) {
      this.mode = Mode.BYTE;
      if (typeof data === "string") {
        this.data = new TextEncoder().encode(data);
      } else {
        this.data = new Uint8Array(data);
      }
    }
    ByteData.getBitsLength = function getBitsLength(length) {
      return length * 8;
    };
    ByteData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    ByteData.prototype.getBitsLength = function getBitsLength() {
      return ByteData.getBitsLength(this.data.length);
    };
    ByteData.prototype.write = function(bitBuffer) {
      for (let i = 0, l = this.data.length; i < l; i++) {
        bitBuffer.put(this.data[i], 8);
      }
    };
    module2.exports = ByteData;
  }
});

// node_modules/qrcode/lib/core/kanji-data.js
var require_kanji_data = __commonJS({
  "node_modules/qrcode/lib/core/kanji-data.js"(exports2, module2) {
    var Mode = require_mode();
    var Utils = require_utils();
    function KanjiData(data) {
      this.mode = Mode.KANJI;
      this.data = data;
    }
    KanjiData.getBitsLength = function getBitsLength(length) {
      return length * 13;
    };
    KanjiData.prototype.getLength = function getLength() {
      return this.data.length;
    };
    KanjiData.prototype.getBitsLength = function getBitsLength() {
      return KanjiData.getBitsLength(this.data.length);
    };
    KanjiData.prototype.write = function(bitBuffer) {
      let i;
      for (i = 0; i < this.data.length; i++) {
        let value = Utils.toSJIS(this.data[i]);
        if (value >= 33088 && value <= 40956) {
          value -= 33088;
        } else if (value >= 57408 && value <= 60351) {
          value -= 49472;
        } else {
          throw new Error(
            "Invalid SJIS character: " + this.data[i] + "\nMake sure your charset is UTF-8"
          );
        }
        value = (value >>> 8 & 255) * 192 + (value & 255);
        bitBuffer.put(value, 13);
      }
    };
    module2.exports = KanjiData;
  }
});

// node_modules/dijkstrajs/dijkstra.js
var require_dijkstra = __commonJS({
  "node_modules/dijkstrajs/dijkstra.js"(exports2, module2) {
    "use strict";
    var dijkstra = {
      single_source_shortest_paths: function(graph, s, d) {
        var predecessors = {};
        var costs = {};
        costs[s] = 0;
        var open2 = dijkstra.PriorityQueue.make();
        open2.push(s, 0);
        var closest, u, v, cost_of_s_to_u, adjacent_nodes, cost_of_e, cost_of_s_to_u_plus_cost_of_e, cost_of_s_to_v, first_visit;
        while (!open2.empty()) {
          closest = open2.pop();
          u = closest.value;
          cost_of_s_to_u = closest.cost;
          adjacent_nodes = graph[u] || {};
          for (v in adjacent_nodes) {
            if (adjacent_nodes.hasOwnProperty(v)) {
              cost_of_e = adjacent_nodes[v];
              cost_of_s_to_u_plus_cost_of_e = cost_of_s_to_u + cost_of_e;
              cost_of_s_to_v = costs[v];
              first_visit = typeof costs[v] === "undefined";
              if (first_visit || cost_of_s_to_v > cost_of_s_to_u_plus_cost_of_e) {
                costs[v] = cost_of_s_to_u_plus_cost_of_e;
                open2.push(v, cost_of_s_to_u_plus_cost_of_e);
                predecessors[v] = u;
              }
            }
          }
        }
        if (typeof d !== "undefined" && typeof costs[d] === "undefined") {
          var msg = ["Could not find a path from ", s, " to ", d, "."].join("");
          throw new Error(msg);
        }
        return predecessors;
      },
      extract_shortest_path_from_predecessor_list: function(predecessors, d) {
        var nodes = [];
        var u = d;
        var predecessor;
        while (u) {
          nodes.push(u);
          predecessor = predecessors[u];
          u = predecessors[u];
        }
        nodes.reverse();
        return nodes;
      },
      find_path: function(graph, s, d) {
        var predecessors = dijkstra.single_source_shortest_paths(graph, s, d);
        return dijkstra.extract_shortest_path_from_predecessor_list(
          predecessors,
          d
        );
      },
      /**
       * A very naive priority queue implementation.
       */
      PriorityQueue: {
        make: function(opts) {
          var T = dijkstra.PriorityQueue, t = {}, key;
          opts = opts || {};
          for (key in T) {
            if (T.hasOwnProperty(key)) {
              t[key] = T[key];
            }
          }
          t.queue = [];
          t.sorter = opts.sorter || T.default_sorter;
          return t;
        },
        default_sorter: function(a, b) {
          return a.cost - b.cost;
        },
        /**
         * Add a new item to the queue and ensure the highest priority element
         * is at the front of the queue.
         */
        push: function(value, cost) {
          var item2 = { value, cost };
          this.queue.push(item2);
          this.queue.sort(this.sorter);
        },
        /**
         * Return the highest priority element in the queue.
         */
        pop: function() {
          return this.queue.shift();
        },
        empty: function() {
          return this.queue.length === 0;
        }
      }
    };
    if (typeof module2 !== "undefined") {
      module2.exports = dijkstra;
    }
  }
});

// node_modules/qrcode/lib/core/segments.js
var require_segments = __commonJS({
  "node_modules/qrcode/lib/core/segments.js"(exports2) {
    var Mode = require_mode();
    var NumericData = require_numeric_data();
    var AlphanumericData = require_alphanumeric_data();
    var ByteData = require_byte_data();
    var KanjiData = require_kanji_data();
    var Regex = require_regex();
    var Utils = require_utils();
    var dijkstra = require_dijkstra();
    function getStringByteLength(str) {
      return unescape(encodeURIComponent(str)).length;
    }
    function getSegments(regex, mode, str) {
      const segments = [];
      let result;
      while ((result = regex.exec(str)) !== null) {
        segments.push({
          data: result[0],
          index: result.index,
          mode,
          length: result[0].length
        });
      }
      return segments;
    }
    function getSegmentsFromString(dataStr) {
      const numSegs = getSegments(Regex.NUMERIC, Mode.NUMERIC, dataStr);
      const alphaNumSegs = getSegments(Regex.ALPHANUMERIC, Mode.ALPHANUMERIC, dataStr);
      let byteSegs;
      let kanjiSegs;
      if (Utils.isKanjiModeEnabled()) {
        byteSegs = getSegments(Regex.BYTE, Mode.BYTE, dataStr);
        kanjiSegs = getSegments(Regex.KANJI, Mode.KANJI, dataStr);
      } else {
        byteSegs = getSegments(Regex.BYTE_KANJI, Mode.BYTE, dataStr);
        kanjiSegs = [];
      }
      const segs = numSegs.concat(alphaNumSegs, byteSegs, kanjiSegs);
      return segs.sort(function(s1, s2) {
        return s1.index - s2.index;
      }).map(function(obj) {
        return {
          data: obj.data,
          mode: obj.mode,
          length: obj.length
        };
      });
    }
    function getSegmentBitsLength(length, mode) {
      switch (mode) {
        case Mode.NUMERIC:
          return NumericData.getBitsLength(length);
        case Mode.ALPHANUMERIC:
          return AlphanumericData.getBitsLength(length);
        case Mode.KANJI:
          return KanjiData.getBitsLength(length);
        case Mode.BYTE:
          return ByteData.getBitsLength(length);
      }
    }
    function mergeSegments(segs) {
      return segs.reduce(function(acc, curr) {
        const prevSeg = acc.length - 1 >= 0 ? acc[acc.length - 1] : null;
        if (prevSeg && prevSeg.mode === curr.mode) {
          acc[acc.length - 1].data += curr.data;
          return acc;
        }
        acc.push(curr);
        return acc;
      }, []);
    }
    function buildNodes(segs) {
      const nodes = [];
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        switch (seg.mode) {
          case Mode.NUMERIC:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.ALPHANUMERIC, length: seg.length },
              { data: seg.data, mode: Mode.BYTE, length: seg.length }
            ]);
            break;
          case Mode.ALPHANUMERIC:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.BYTE, length: seg.length }
            ]);
            break;
          case Mode.KANJI:
            nodes.push([
              seg,
              { data: seg.data, mode: Mode.BYTE, length: getStringByteLength(seg.data) }
            ]);
            break;
          case Mode.BYTE:
            nodes.push([
              { data: seg.data, mode: Mode.BYTE, length: getStringByteLength(seg.data) }
            ]);
        }
      }
      return nodes;
    }
    function buildGraph(nodes, version2) {
      const table = {};
      const graph = { start: {} };
      let prevNodeIds = ["start"];
      for (let i = 0; i < nodes.length; i++) {
        const nodeGroup = nodes[i];
        const currentNodeIds = [];
        for (let j = 0; j < nodeGroup.length; j++) {
          const node2 = nodeGroup[j];
          const key = "" + i + j;
          currentNodeIds.push(key);
          table[key] = { node: node2, lastCount: 0 };
          graph[key] = {};
          for (let n = 0; n < prevNodeIds.length; n++) {
            const prevNodeId = prevNodeIds[n];
            if (table[prevNodeId] && table[prevNodeId].node.mode === node2.mode) {
              graph[prevNodeId][key] = getSegmentBitsLength(table[prevNodeId].lastCount + node2.length, node2.mode) - getSegmentBitsLength(table[prevNodeId].lastCount, node2.mode);
              table[prevNodeId].lastCount += node2.length;
            } else {
              if (table[prevNodeId]) table[prevNodeId].lastCount = node2.length;
              graph[prevNodeId][key] = getSegmentBitsLength(node2.length, node2.mode) + 4 + Mode.getCharCountIndicator(node2.mode, version2);
            }
          }
        }
        prevNodeIds = currentNodeIds;
      }
      for (let n = 0; n < prevNodeIds.length; n++) {
        graph[prevNodeIds[n]].end = 0;
      }
      return { map: graph, table };
    }
    function buildSingleSegment(data, modesHint) {
      let mode;
      const bestMode = Mode.getBestModeForData(data);
      mode = Mode.from(modesHint, bestMode);
      if (mode !== Mode.BYTE && mode.bit < bestMode.bit) {
        throw new Error('"' + data + '" cannot be encoded with mode ' + Mode.toString(mode) + ".\n Suggested mode is: " + Mode.toString(bestMode));
      }
      if (mode === Mode.KANJI && !Utils.isKanjiModeEnabled()) {
        mode = Mode.BYTE;
      }
      switch (mode) {
        case Mode.NUMERIC:
          return new NumericData(data);
        case Mode.ALPHANUMERIC:
          return new AlphanumericData(data);
        case Mode.KANJI:
          return new KanjiData(data);
        case Mode.BYTE:
          return new ByteData(data);
      }
    }
    exports2.fromArray = function fromArray(array2) {
      return array2.reduce(function(acc, seg) {
        if (typeof seg === "string") {
          acc.push(buildSingleSegment(seg, null));
        } else if (seg.data) {
          acc.push(buildSingleSegment(seg.data, seg.mode));
        }
        return acc;
      }, []);
    };
    exports2.fromString = function fromString(data, version2) {
      const segs = getSegmentsFromString(data, Utils.isKanjiModeEnabled());
      const nodes = buildNodes(segs);
      const graph = buildGraph(nodes, version2);
      const path = dijkstra.find_path(graph.map, "start", "end");
      const optimizedSegs = [];
      for (let i = 1; i < path.length - 1; i++) {
        optimizedSegs.push(graph.table[path[i]].node);
      }
      return exports2.fromArray(mergeSegments(optimizedSegs));
    };
    exports2.rawSplit = function rawSplit(data) {
      return exports2.fromArray(
        getSegmentsFromString(data, Utils.isKanjiModeEnabled())
      );
    };
  }
});

// node_modules/qrcode/lib/core/qrcode.js
var require_qrcode = __commonJS({
  "node_modules/qrcode/lib/core/qrcode.js"(exports2) {
    var Utils = require_utils();
    var ECLevel = require_error_correction_level();
    var BitBuffer = require_bit_buffer();
    var BitMatrix = require_bit_matrix();
    var AlignmentPattern = require_alignment_pattern();
    var FinderPattern = require_finder_pattern();
    var MaskPattern = require_mask_pattern();
    var ECCode = require_error_correction_code();
    var ReedSolomonEncoder = require_reed_solomon_encoder();
    var Version = require_version();
    var FormatInfo = require_format_info();
    var Mode = require_mode();
    var Segments = require_segments();
    function setupFinderPattern(matrix, version2) {
      const size = matrix.size;
      const pos = FinderPattern.getPositions(version2);
      for (let i = 0; i < pos.length; i++) {
        const row = pos[i][0];
        const col2 = pos[i][1];
        for (let r = -1; r <= 7; r++) {
          if (row + r <= -1 || size <= row + r) continue;
          for (let c = -1; c <= 7; c++) {
            if (col2 + c <= -1 || size <= col2 + c) continue;
            if (r >= 0 && r <= 6 && (c === 0 || c === 6) || c >= 0 && c <= 6 && (r === 0 || r === 6) || r >= 2 && r <= 4 && c >= 2 && c <= 4) {
              matrix.set(row + r, col2 + c, true, true);
            } else {
              matrix.set(row + r, col2 + c, false, true);
            }
          }
        }
      }
    }
    function setupTimingPattern(matrix) {
      const size = matrix.size;
      for (let r = 8; r < size - 8; r++) {
        const value = r % 2 === 0;
        matrix.set(r, 6, value, true);
        matrix.set(6, r, value, true);
      }
    }
    function setupAlignmentPattern(matrix, version2) {
      const pos = AlignmentPattern.getPositions(version2);
      for (let i = 0; i < pos.length; i++) {
        const row = pos[i][0];
        const col2 = pos[i][1];
        for (let r = -2; r <= 2; r++) {
          for (let c = -2; c <= 2; c++) {
            if (r === -2 || r === 2 || c === -2 || c === 2 || r === 0 && c === 0) {
              matrix.set(row + r, col2 + c, true, true);
            } else {
              matrix.set(row + r, col2 + c, false, true);
            }
          }
        }
      }
    }
    function setupVersionInfo(matrix, version2) {
      const size = matrix.size;
      const bits = Version.getEncodedBits(version2);
      let row, col2, mod;
      for (let i = 0; i < 18; i++) {
        row = Math.floor(i / 3);
        col2 = i % 3 + size - 8 - 3;
        mod = (bits >> i & 1) === 1;
        matrix.set(row, col2, mod, true);
        matrix.set(col2, row, mod, true);
      }
    }
    function setupFormatInfo(matrix, errorCorrectionLevel, maskPattern) {
      const size = matrix.size;
      const bits = FormatInfo.getEncodedBits(errorCorrectionLevel, maskPattern);
      let i, mod;
      for (i = 0; i < 15; i++) {
        mod = (bits >> i & 1) === 1;
        if (i < 6) {
          matrix.set(i, 8, mod, true);
        } else if (i < 8) {
          matrix.set(i + 1, 8, mod, true);
        } else {
          matrix.set(size - 15 + i, 8, mod, true);
        }
        if (i < 8) {
          matrix.set(8, size - i - 1, mod, true);
        } else if (i < 9) {
          matrix.set(8, 15 - i - 1 + 1, mod, true);
        } else {
          matrix.set(8, 15 - i - 1, mod, true);
        }
      }
      matrix.set(size - 8, 8, 1, true);
    }
    function setupData(matrix, data) {
      const size = matrix.size;
      let inc = -1;
      let row = size - 1;
      let bitIndex = 7;
      let byteIndex = 0;
      for (let col2 = size - 1; col2 > 0; col2 -= 2) {
        if (col2 === 6) col2--;
        while (true) {
          for (let c = 0; c < 2; c++) {
            if (!matrix.isReserved(row, col2 - c)) {
              let dark = false;
              if (byteIndex < data.length) {
                dark = (data[byteIndex] >>> bitIndex & 1) === 1;
              }
              matrix.set(row, col2 - c, dark);
              bitIndex--;
              if (bitIndex === -1) {
                byteIndex++;
                bitIndex = 7;
              }
            }
          }
          row += inc;
          if (row < 0 || size <= row) {
            row -= inc;
            inc = -inc;
            break;
          }
        }
      }
    }
    function createData(version2, errorCorrectionLevel, segments) {
      const buffer = new BitBuffer();
      segments.forEach(function(data) {
        buffer.put(data.mode.bit, 4);
        buffer.put(data.getLength(), Mode.getCharCountIndicator(data.mode, version2));
        data.write(buffer);
      });
      const totalCodewords = Utils.getSymbolTotalCodewords(version2);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version2, errorCorrectionLevel);
      const dataTotalCodewordsBits = (totalCodewords - ecTotalCodewords) * 8;
      if (buffer.getLengthInBits() + 4 <= dataTotalCodewordsBits) {
        buffer.put(0, 4);
      }
      while (buffer.getLengthInBits() % 8 !== 0) {
        buffer.putBit(0);
      }
      const remainingByte = (dataTotalCodewordsBits - buffer.getLengthInBits()) / 8;
      for (let i = 0; i < remainingByte; i++) {
        buffer.put(i % 2 ? 17 : 236, 8);
      }
      return createCodewords(buffer, version2, errorCorrectionLevel);
    }
    function createCodewords(bitBuffer, version2, errorCorrectionLevel) {
      const totalCodewords = Utils.getSymbolTotalCodewords(version2);
      const ecTotalCodewords = ECCode.getTotalCodewordsCount(version2, errorCorrectionLevel);
      const dataTotalCodewords = totalCodewords - ecTotalCodewords;
      const ecTotalBlocks = ECCode.getBlocksCount(version2, errorCorrectionLevel);
      const blocksInGroup2 = totalCodewords % ecTotalBlocks;
      const blocksInGroup1 = ecTotalBlocks - blocksInGroup2;
      const totalCodewordsInGroup1 = Math.floor(totalCodewords / ecTotalBlocks);
      const dataCodewordsInGroup1 = Math.floor(dataTotalCodewords / ecTotalBlocks);
      const dataCodewordsInGroup2 = dataCodewordsInGroup1 + 1;
      const ecCount = totalCodewordsInGroup1 - dataCodewordsInGroup1;
      const rs = new ReedSolomonEncoder(ecCount);
      let offset = 0;
      const dcData = new Array(ecTotalBlocks);
      const ecData = new Array(ecTotalBlocks);
      let maxDataSize = 0;
      const buffer = new Uint8Array(bitBuffer.buffer);
      for (let b = 0; b < ecTotalBlocks; b++) {
        const dataSize = b < blocksInGroup1 ? dataCodewordsInGroup1 : dataCodewordsInGroup2;
        dcData[b] = buffer.slice(offset, offset + dataSize);
        ecData[b] = rs.encode(dcData[b]);
        offset += dataSize;
        maxDataSize = Math.max(maxDataSize, dataSize);
      }
      const data = new Uint8Array(totalCodewords);
      let index = 0;
      let i, r;
      for (i = 0; i < maxDataSize; i++) {
        for (r = 0; r < ecTotalBlocks; r++) {
          if (i < dcData[r].length) {
            data[index++] = dcData[r][i];
          }
        }
      }
      for (i = 0; i < ecCount; i++) {
        for (r = 0; r < ecTotalBlocks; r++) {
          data[index++] = ecData[r][i];
        }
      }
      return data;
    }
    function createSymbol(data, version2, errorCorrectionLevel, maskPattern) {
      let segments;
      if (Array.isArray(data)) {
        segments = Segments.fromArray(data);
      } else if (typeof data === "string") {
        let estimatedVersion = version2;
        if (!estimatedVersion) {
          const rawSegments = Segments.rawSplit(data);
          estimatedVersion = Version.getBestVersionForData(rawSegments, errorCorrectionLevel);
        }
        segments = Segments.fromString(data, estimatedVersion || 40);
      } else {
        throw new Error("Invalid data");
      }
      const bestVersion = Version.getBestVersionForData(segments, errorCorrectionLevel);
      if (!bestVersion) {
        throw new Error("The amount of data is too big to be stored in a QR Code");
      }
      if (!version2) {
        version2 = bestVersion;
      } else if (version2 < bestVersion) {
        throw new Error(
          "\nThe chosen QR Code version cannot contain this amount of data.\nMinimum version required to store current data is: " + bestVersion + ".\n"
        );
      }
      const dataBits = createData(version2, errorCorrectionLevel, segments);
      const moduleCount = Utils.getSymbolSize(version2);
      const modules = new BitMatrix(moduleCount);
      setupFinderPattern(modules, version2);
      setupTimingPattern(modules);
      setupAlignmentPattern(modules, version2);
      setupFormatInfo(modules, errorCorrectionLevel, 0);
      if (version2 >= 7) {
        setupVersionInfo(modules, version2);
      }
      setupData(modules, dataBits);
      if (isNaN(maskPattern)) {
        maskPattern = MaskPattern.getBestMask(
          modules,
          setupFormatInfo.bind(null, modules, errorCorrectionLevel)
        );
      }
      MaskPattern.applyMask(maskPattern, modules);
      setupFormatInfo(modules, errorCorrectionLevel, maskPattern);
      return {
        modules,
        version: version2,
        errorCorrectionLevel,
        maskPattern,
        segments
      };
    }
    exports2.create = function create2(data, options) {
      if (typeof data === "undefined" || data === "") {
        throw new Error("No input text");
      }
      let errorCorrectionLevel = ECLevel.M;
      let version2;
      let mask;
      if (typeof options !== "undefined") {
        errorCorrectionLevel = ECLevel.from(options.errorCorrectionLevel, ECLevel.M);
        version2 = Version.from(options.version);
        mask = MaskPattern.from(options.maskPattern);
        if (options.toSJISFunc) {
          Utils.setToSJISFunction(options.toSJISFunc);
        }
      }
      return createSymbol(data, version2, errorCorrectionLevel, mask);
    };
  }
});

// cloudfunctions/api/src/platform/qrPng.ts
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function qrPng(text, opts = {}) {
  const { modules } = core.create(text, { errorCorrectionLevel: opts.errorCorrectionLevel ?? "M" });
  const margin = opts.margin ?? 2;
  const cells = modules.size + 2 * margin;
  const scale = Math.max(1, Math.floor((opts.width ?? cells * 4) / cells));
  const side = cells * scale;
  const raw = Buffer.alloc((side + 1) * side, 255);
  for (let y = 0; y < side; y++) {
    const rowStart = y * (side + 1);
    raw[rowStart] = 0;
    const r = Math.floor(y / scale) - margin;
    if (r < 0 || r >= modules.size) continue;
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      const x0 = rowStart + 1 + (c + margin) * scale;
      raw.fill(0, x0, x0 + scale);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", (0, import_zlib.deflateSync)(raw)), chunk("IEND", Buffer.alloc(0))]);
}
var import_zlib, core, qrDataUrl;
var init_qrPng = __esm({
  "cloudfunctions/api/src/platform/qrPng.ts"() {
    "use strict";
    init_crc32();
    import_zlib = require("zlib");
    core = require_qrcode();
    qrDataUrl = (text, opts) => `data:image/png;base64,${qrPng(text, opts).toString("base64")}`;
  }
});

// cloudfunctions/api/src/modules/mall/orders.ts
async function closeOrder(db, orderId, status, now, byUserId) {
  const pre = await getById(db, M.orders, orderId);
  if (!pre) throw notFound("订单");
  await ensureAccounts(db, pre.communityId, [personLeg(pre.communityId, pre.userId, 0)], now);
  return runTx(db, async (tx) => {
    const o = await txGet(tx, M.orders, orderId);
    if (!o) throw notFound("订单");
    if (!canClose(o)) return { order: o, closedNow: false };
    const key = `order:${o._id}:refund`;
    if (!await findTransfer(tx, key)) {
      await applyTransfer(db, tx, {
        key,
        communityId: o.communityId,
        kind: "refund",
        reason: status === "expired" ? `「${o.itemName}」超时未取，积分退回` : `取消兑换「${o.itemName}」，积分退回`,
        cause: { type: "order", id: o._id },
        byUserId,
        sponsorId: o.sponsorId,
        legs: [systemLeg("mall", o.communityId, -o.points), personLeg(o.communityId, o.userId, o.points)]
      }, now);
    }
    const _ = db.command;
    await tx.collection(M.items).doc(o.itemId).update({ data: { stock: _.inc(o.quantity), updatedAt: now } });
    await tx.collection(M.quotas).doc(`${o.itemId}_${o.userId}`).update({ data: { count: _.inc(-o.quantity), updatedAt: now } });
    await tx.collection(M.orders).doc(o._id).update({ data: { status, closedAt: now } });
    return { order: { ...o, status, closedAt: now }, closedNow: true };
  });
}
async function cancel(ctx, input) {
  const o = await getById(ctx.db, M.orders, input.orderId);
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound("订单");
  if (!canClose(o)) throw conflict(verifyRefusal(o) ?? "订单已结束，不能取消");
  const { order: order2, closedNow } = await closeOrder(ctx.db, o._id, "cancelled", ctx.now(), ctx.user._id);
  if (!closedNow) throw conflict(verifyRefusal(order2) ?? "订单已结束，不能取消");
  return orderView(order2, await getById(ctx.db, M.items, o.itemId));
}
async function ordersPage(db, base, cursor, limit) {
  const _ = db.command;
  const c = decodeCursor(cursor);
  const filter = c ? _.and([base, _.or([{ createdAt: _.lt(c.at) }, { createdAt: c.at, _id: _.lt(c.id) }])]) : base;
  const docs = await findMany(db, M.orders, filter, { orderBy: [["createdAt", "desc"], ["_id", "desc"]], limit: limit + 1 });
  const items2 = docs.slice(0, limit);
  const last = items2[items2.length - 1];
  return { items: items2, nextCursor: docs.length > limit && last ? `${new Date(last.createdAt).getTime()}_${last._id}` : null };
}
async function withItems(db, orders2) {
  return getMany(db, M.items, orders2.map((o) => o.itemId));
}
async function myOrders(ctx, input) {
  const page2 = await ordersPage(ctx.db, { userId: ctx.user._id, communityId: input.communityId }, input.cursor, input.limit ?? 20);
  const items2 = await withItems(ctx.db, page2.items);
  return { items: page2.items.map((o) => orderView(o, items2.get(o.itemId) ?? null)), nextCursor: page2.nextCursor };
}
async function orders(ctx, input) {
  const base = { communityId: input.communityId };
  if (input.status) base.status = input.status;
  const page2 = await ordersPage(ctx.db, base, input.cursor, input.limit ?? 20);
  const [items2, people] = await Promise.all([withItems(ctx.db, page2.items), getMany(ctx.db, "users", page2.items.map((o) => o.userId))]);
  return {
    items: page2.items.map((o) => orderView(o, items2.get(o.itemId) ?? null, listName(people.get(o.userId) ?? { realName: null, nickname: "" }))),
    nextCursor: page2.nextCursor
  };
}
async function verify(ctx, input) {
  const { db } = ctx;
  const [found] = await findMany(db, M.orders, { pickupCode: input.code, communityId: input.communityId }, { limit: 1 });
  if (!found) throw notFound("这个取货码");
  const now = ctx.now();
  const res = await db.collection(M.orders).where({ _id: found._id, status: "reserved" }).update({ data: { status: "picked_up", closedAt: now, verifiedBy: ctx.user._id } });
  if (res.stats.updated !== 1) {
    const latest = await getById(db, M.orders, found._id) ?? found;
    throw conflict(verifyRefusal(latest) ?? "这个取货码已经核销过了");
  }
  await trace(ctx, { communityId: input.communityId, resource: { type: "mall_order", id: found._id }, before: { status: "reserved" }, after: { status: "picked_up" } });
  const [item2, person] = await Promise.all([getById(db, M.items, found.itemId), getById(db, "users", found.userId)]);
  return orderView({ ...found, status: "picked_up", closedAt: now, verifiedBy: ctx.user._id }, item2, listName(person ?? { realName: null, nickname: "" }));
}
async function pickupQr(ctx, input) {
  const o = await getById(ctx.db, M.orders, input.orderId);
  if (!o || o.communityId !== input.communityId || !isOwner(o, ctx.user._id)) throw notFound("订单");
  if (!canClose(o)) throw conflict(verifyRefusal(o) ?? "订单已结束");
  const dataUrl = qrDataUrl(o.pickupCode, { errorCorrectionLevel: "M", margin: 2, width: 360 });
  return { code: o.pickupCode, dataUrl };
}
async function order(ctx, input) {
  const o = await getById(ctx.db, M.orders, input.orderId);
  if (!o || o.communityId !== input.communityId) throw notFound("订单");
  const item2 = await getById(ctx.db, M.items, o.itemId);
  if (isOwner(o, ctx.user._id)) return orderView(o, item2);
  const community = await getCommunity(ctx.db, input.communityId);
  if (!community || !holdsRole(ctx.user, community, ["secretary", "street_admin"])) throw notFound("订单");
  const person = await getById(ctx.db, "users", o.userId);
  return orderView(o, item2, listName(person ?? { realName: null, nickname: "" }));
}
var decodeCursor;
var init_orders = __esm({
  "cloudfunctions/api/src/modules/mall/orders.ts"() {
    "use strict";
    init_qrPng();
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_ledger();
    init_repo5();
    init_rules3();
    init_views2();
    decodeCursor = (cursor) => {
      if (cursor === void 0) return null;
      const m = /^(\d+)_([A-Za-z0-9_-]+)$/.exec(cursor);
      if (!m) throw invalid("翻页参数不正确，请刷新后重试");
      return { at: new Date(Number(m[1])), id: m[2] };
    };
  }
});

// cloudfunctions/api/src/modules/mall/redeem.ts
async function releaseHold(db, itemId, hold, restock) {
  const _ = db.command;
  await db.collection(M.items).where({ _id: itemId, "holds.orderId": hold.orderId }).update({ data: restock ? { stock: _.inc(hold.quantity), holds: _.pull({ orderId: hold.orderId }) } : { holds: _.pull({ orderId: hold.orderId }) } });
}
function overLimit(limit, have) {
  const left = Math.max(0, limit - have);
  return conflict(left === 0 ? `每人限兑 ${limit} 件，您已经兑满了` : `每人限兑 ${limit} 件，您还能兑 ${left} 件`);
}
async function holdStock(db, itemId, orderId, qty, now) {
  const _ = db.command;
  const deadline = Date.now() + HOLD_WAIT_MS;
  for (; ; ) {
    const held = await db.collection(M.items).where({ _id: itemId, active: true, stock: _.gte(qty), "holds.orderId": _.neq(orderId) }).update({ data: { stock: _.inc(-qty), holds: _.push({ orderId, quantity: qty, at: now }) } });
    if (held.stats.updated === 1) return "taken";
    const again = await getById(db, M.items, itemId);
    if (!again || !again.active) throw notFound("这件商品");
    const holds = again.holds ?? [];
    if (holds.some((h) => h.orderId === orderId)) return "earlier";
    const couldReturn = holds.reduce((n, h) => n + h.quantity, 0);
    if (again.stock + couldReturn < qty) throw conflict(again.stock === 0 ? "已经兑完了，下次早点来" : `库存只剩 ${again.stock} 件`);
    if (Date.now() > deadline) throw conflict("兑换的人太多了，请稍后再试");
    await pause2(2 + Math.random() * 10);
  }
}
async function redeem(ctx, input) {
  const { db, user: user3 } = ctx;
  const item2 = await getById(db, M.items, input.itemId);
  if (!item2 || item2.communityId !== input.communityId || !item2.active) throw notFound("这件商品");
  const orderId = orderIdFor(user3._id, input.requestKey);
  const existing = await getById(db, M.orders, orderId);
  if (existing) return orderView(existing, item2);
  const qty = input.quantity;
  const points = item2.price * qty;
  const now = ctx.now();
  const [account, quota] = await Promise.all([
    getById(db, P.accounts, accountId.person(input.communityId, user3._id)),
    getById(db, M.quotas, `${item2._id}_${user3._id}`)
  ]);
  if (((account == null ? void 0 : account.balance) ?? 0) < points) throw insufficient("person");
  if (item2.perPersonLimit !== null && ((quota == null ? void 0 : quota.count) ?? 0) + qty > item2.perPersonLimit) throw overLimit(item2.perPersonLimit, (quota == null ? void 0 : quota.count) ?? 0);
  const hold = await holdStock(db, item2._id, orderId, qty, now);
  const person = personLeg(input.communityId, user3._id, -points);
  let bookedHere = false;
  try {
    await ensureAccounts(db, input.communityId, [person], now);
    const { order: order2, booked } = await bookOrder(ctx, item2, orderId, qty, points, now);
    bookedHere = booked;
    await releaseHold(db, item2._id, { orderId, quantity: qty }, !booked && hold === "taken");
    return orderView(order2, item2);
  } catch (err) {
    const restock = hold === "taken" ? !bookedHere : !await getById(db, M.orders, orderId);
    await releaseHold(db, item2._id, { orderId, quantity: qty }, restock);
    throw err;
  }
}
async function bookOrder(ctx, item2, orderId, qty, points, now) {
  const { db, user: user3 } = ctx;
  const quotaId = `${item2._id}_${user3._id}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await runTx(db, async (tx) => {
        const o = await txGet(tx, M.orders, orderId);
        if (o) return { order: o, booked: false };
        const quota = await txGet(tx, M.quotas, quotaId);
        const have = (quota == null ? void 0 : quota.count) ?? 0;
        if (item2.perPersonLimit !== null && have + qty > item2.perPersonLimit) throw overLimit(item2.perPersonLimit, have);
        await applyTransfer(db, tx, {
          key: `order:${orderId}:redeem`,
          communityId: item2.communityId,
          kind: "redeem",
          reason: `兑换「${item2.name}」×${qty}`,
          cause: { type: "order", id: orderId },
          byUserId: user3._id,
          sponsorId: item2.sponsorId,
          legs: [personLeg(item2.communityId, user3._id, -points), systemLeg("mall", item2.communityId, points)]
        }, now);
        if (quota) await tx.collection(M.quotas).doc(quotaId).update({ data: { count: db.command.inc(qty), updatedAt: now } });
        else await tx.collection(M.quotas).add({ data: { _id: quotaId, count: qty, updatedAt: now } });
        const order2 = {
          _id: orderId,
          communityId: item2.communityId,
          itemId: item2._id,
          itemName: item2.name,
          userId: user3._id,
          quantity: qty,
          points,
          status: "reserved",
          pickupCode: newPickupCode(),
          deadline: new Date(now.getTime() + item2.pickupDays * 864e5),
          createdAt: now,
          closedAt: null,
          verifiedBy: null,
          sponsorId: item2.sponsorId
        };
        await tx.collection(M.orders).add({ data: order2 });
        return { order: order2, booked: true };
      });
    } catch (err) {
      if (isDuplicateKey(err) && attempt < 3) continue;
      throw err;
    }
  }
}
var HOLD_WAIT_MS, pause2;
var init_redeem = __esm({
  "cloudfunctions/api/src/modules/mall/redeem.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_ledger();
    init_repo4();
    init_rules2();
    init_repo5();
    init_rules3();
    init_views2();
    HOLD_WAIT_MS = 5e3;
    pause2 = (ms) => new Promise((r) => setTimeout(r, ms));
  }
});

// cloudfunctions/api/src/modules/messages/rules.ts
function starsPhrase(stars) {
  if (stars >= 5) return "非常满意";
  if (stars === 4) return "很满意";
  if (stars === 3) return "还不错";
  if (stars === 2) return "一般";
  return "不太满意";
}
function reasonFor(errcode) {
  return REASONS[errcode] ?? `微信没有送达（错误码 ${errcode}）`;
}
var thing, timeValue, shortChinaTime, REASONS;
var init_rules4 = __esm({
  "cloudfunctions/api/src/modules/messages/rules.ts"() {
    "use strict";
    init_chinaTime();
    thing = (s) => Array.from(s).length > 20 ? Array.from(s).slice(0, 19).join("") + "…" : s;
    timeValue = (d) => inChina(d).format("YYYY年M月D日 HH:mm");
    shortChinaTime = (d) => inChina(d).format("M月D日 HH:mm");
    REASONS = {
      43101: "对方没有订阅这类消息，或订阅次数已用完",
      47003: "消息内容不符合模板要求",
      40003: "对方的微信身份无效",
      40037: "消息模板不存在，请检查模板设置",
      41030: "消息要打开的页面不存在",
      [-604101]: "云函数没有发送订阅消息的权限"
    };
  }
});

// cloudfunctions/api/src/modules/messages/send.ts
function failureId(at) {
  seq2 = (seq2 + 1) % 46656;
  return "m" + at.getTime().toString(36).padStart(9, "0") + seq2.toString(36).padStart(3, "0") + newId().slice(0, 8);
}
async function sendMessage(deps, msg) {
  const user3 = await getById(deps.db, C.users, msg.userId);
  if (!user3 || user3.offline) return false;
  const spec = TEMPLATES[msg.template];
  const data = {};
  for (const [k, v] of Object.entries(msg.data)) data[k] = { value: v };
  const res = await deps.openapi.notify({ touser: user3.openid, templateId: spec.id, page: msg.page, data });
  if (res.ok) return true;
  const at = deps.now();
  const doc = {
    _id: failureId(at),
    communityId: msg.communityId,
    userId: user3._id,
    template: msg.template,
    templateId: spec.id,
    page: msg.page,
    errcode: res.errcode,
    errmsg: res.errmsg,
    reason: reasonFor(res.errcode),
    at
  };
  try {
    await deps.db.collection(MSG.failures).add({ data: doc });
  } catch (err) {
    console.error("could not record an undelivered message", { template: msg.template, userId: user3._id, errcode: res.errcode, err });
  }
  return false;
}
var seq2;
var init_send = __esm({
  "cloudfunctions/api/src/modules/messages/send.ts"() {
    "use strict";
    init_templates();
    init_db();
    init_repo();
    init_repo3();
    init_rules4();
    seq2 = 0;
  }
});

// types/wish.ts
var WISH_STATUSES, WishStatus, WISH_STATUS_LABELS, DEFAULT_WISH_CATEGORIES, Community3, Photos, Reason, WishCreateInput, WishListInput, WishGetInput, WishMineInput, WishReviewInput, WishClaimInput, WishRemindInput, WishDispatchInput, WishReleaseInput, WishProgressInput, WishFulfilInput, WishConfirmInput, WishWithdrawInput, WishQueueInput, WishStatsInput, WishSettingsInput, WishSetSettingsInput;
var init_wish = __esm({
  "types/wish.ts"() {
    "use strict";
    init_zod();
    init_common();
    WISH_STATUSES = ["under_review", "open", "claimed", "fulfilled", "closed", "rejected", "withdrawn"];
    WishStatus = _enum(WISH_STATUSES);
    WISH_STATUS_LABELS = {
      under_review: "审核中",
      open: "待认领",
      claimed: "已认领",
      fulfilled: "已完成待确认",
      closed: "已圆梦",
      rejected: "未通过",
      withdrawn: "已撤回"
    };
    DEFAULT_WISH_CATEGORIES = ["生活帮扶", "助老", "助学", "医疗", "物品", "其他"];
    Community3 = { communityId: Id };
    Photos = array(string2().max(500).regex(/^(cloud:\/\/|https?:\/\/|\/)/, "图片地址不正确")).max(6, "最多 6 张图片");
    Reason = Text(200);
    WishCreateInput = object({
      ...Community3,
      title: Text(30),
      description: Text(500),
      category: Text(10),
      buildingId: Id,
      photos: Photos.optional(),
      wishedBy: string2().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-12-01").nullable().optional(),
      /** A building head posting for a resident they act for. */
      onBehalfOf: Id.optional()
    }).strict();
    WishListInput = PageInput.extend({
      ...Community3,
      status: _enum(["open", "claimed", "fulfilled", "closed"]).optional(),
      category: string2().max(10).optional(),
      compoundId: Id.optional(),
      buildingId: Id.optional()
    }).strict();
    WishGetInput = object({ ...Community3, wishId: Id }).strict();
    WishMineInput = PageInput.extend({ ...Community3, as: _enum(["wisher", "claimer"]) }).strict();
    WishReviewInput = object({ ...Community3, wishId: Id, approve: boolean2(), reason: string2().trim().max(200).optional() }).strict();
    WishClaimInput = object({ ...Community3, wishId: Id }).strict();
    WishRemindInput = object({ ...Community3, wishId: Id }).strict();
    WishDispatchInput = object({ ...Community3, wishId: Id, memberId: Id, note: string2().trim().max(200).optional() }).strict();
    WishReleaseInput = object({ ...Community3, wishId: Id, reason: Reason }).strict();
    WishProgressInput = object({ ...Community3, wishId: Id, note: Reason, photos: Photos.optional() }).strict();
    WishFulfilInput = object({ ...Community3, wishId: Id, proof: Text(500), photos: Photos.optional() }).strict();
    WishConfirmInput = object({ ...Community3, wishId: Id, stars: number2().int().min(1, "请打 1-5 星").max(5, "请打 1-5 星"), thanks: string2().trim().max(200) }).strict();
    WishWithdrawInput = object({ ...Community3, wishId: Id, reason: string2().trim().max(200).optional() }).strict();
    WishQueueInput = PageInput.extend(Community3).strict();
    WishStatsInput = object(Community3).strict();
    WishSettingsInput = object(Community3).strict();
    WishSetSettingsInput = object({
      ...Community3,
      categories: array(Text(10)).min(1).max(12),
      autoApprove: boolean2(),
      autoCloseDays: number2().int().min(1).max(60),
      overdueDays: number2().int().min(1).max(60)
    }).strict();
  }
});

// cloudfunctions/api/src/modules/wish/repo.ts
async function settingsOf(db, communityId) {
  const s = await getById(db, W.settings, communityId);
  return s ?? { _id: communityId, categories: [...DEFAULT_WISH_CATEGORIES], autoApprove: false, autoCloseDays: 7, overdueDays: 7 };
}
var W, newWishId, getWish;
var init_repo6 = __esm({
  "cloudfunctions/api/src/modules/wish/repo.ts"() {
    "use strict";
    init_wish();
    init_db();
    W = { wishes: "wishes", settings: "wish_settings" };
    newWishId = (now) => "w" + now.getTime().toString(36).padStart(9, "0") + newId().slice(0, 12);
    getWish = (db, id) => getById(db, W.wishes, id);
  }
});

// cloudfunctions/api/src/modules/wish/rules.ts
function can(event, status, relations) {
  const t = TRANSITIONS[event];
  if (!t.from.includes(status)) return false;
  if (!t.by.some((r) => relations.has(r))) return false;
  if (event === "claim" && relations.has("wisher")) return false;
  return true;
}
function relationsOf(wish, userId, facts) {
  const r = /* @__PURE__ */ new Set();
  if (wish.wisherId === userId || wish.postedById === userId) r.add("wisher");
  if (wish.claimerId === userId) r.add("claimer");
  if (facts.isMember) r.add("member");
  if (facts.isSecretary) r.add("secretary");
  return r;
}
function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
var TRANSITIONS, seesContact, PUBLIC_STATUSES;
var init_rules5 = __esm({
  "cloudfunctions/api/src/modules/wish/rules.ts"() {
    "use strict";
    init_rules4();
    TRANSITIONS = {
      approve: { from: ["under_review"], to: "open", by: ["secretary"] },
      reject: { from: ["under_review"], to: "rejected", by: ["secretary"] },
      claim: { from: ["open"], to: "claimed", by: ["member"] },
      dispatch: { from: ["open"], to: "claimed", by: ["secretary"] },
      release: { from: ["claimed"], to: "open", by: ["claimer"] },
      progress: { from: ["claimed"], to: "claimed", by: ["claimer"] },
      fulfil: { from: ["claimed"], to: "fulfilled", by: ["claimer"] },
      confirm: { from: ["fulfilled"], to: "closed", by: ["wisher"] },
      autoclose: { from: ["fulfilled"], to: "closed", by: ["timer"] },
      withdraw: { from: ["under_review", "open", "claimed"], to: "withdrawn", by: ["wisher"] }
    };
    seesContact = (relations) => relations.has("claimer") || relations.has("secretary") || relations.has("wisher");
    PUBLIC_STATUSES = ["open", "claimed", "fulfilled", "closed"];
  }
});

// cloudfunctions/api/src/modules/wish/core.ts
async function loadWish(ctx, communityId, wishId) {
  const [wish, community] = await Promise.all([getWish(ctx.db, wishId), getCommunity(ctx.db, communityId)]);
  if (!wish || !community || wish.communityId !== communityId) throw notFound("这个心愿");
  const relations = relationsOf(wish, ctx.user._id, {
    isMember: holdsRole(ctx.user, community, ["party_member", "volunteer"]),
    isSecretary: holdsRole(ctx.user, community, ["secretary", "street_admin"])
  });
  return { wish, relations };
}
function refusal(event, wish, relations) {
  const t = TRANSITIONS[event];
  if (!t.by.some((r) => relations.has(r))) {
    if (event === "release" || event === "progress" || event === "fulfil") return "只有认领人可以这样做";
    if (event === "confirm" || event === "withdraw") return "只有许愿人可以这样做";
    if (event === "claim") return "党员和志愿者才能认领心愿";
    return "您没有权限进行此操作";
  }
  if (event === "claim" && relations.has("wisher")) return "不能认领自己的心愿";
  return RACE_MESSAGES[event] && wish.status !== "open" && event !== "confirm" ? RACE_MESSAGES[event] : `心愿现在是「${statusWord(wish.status)}」，不能这样做`;
}
function ensureCan(event, wish, relations) {
  if (can(event, wish.status, relations)) return;
  const byOk = TRANSITIONS[event].by.some((r) => relations.has(r)) && !(event === "claim" && relations.has("wisher"));
  throw byOk ? conflict(refusal(event, wish, relations)) : forbidden(refusal(event, wish, relations));
}
async function move(deps, wish, event, byId, opts = {}) {
  var _a3;
  const _ = deps.db.command;
  const now = deps.now();
  const to = TRANSITIONS[event].to;
  const entry = { at: now, event, byId, from: wish.status, to, note: opts.note ?? null, ...((_a3 = opts.photos) == null ? void 0 : _a3.length) ? { photos: opts.photos } : {} };
  const cond = { _id: wish._id, status: wish.status };
  if (opts.requireClaimer) cond.claimerId = wish.claimerId;
  const set = { ...opts.set, status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: _.push(entry) };
  for (const [k, v] of Object.entries(set)) if (v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) set[k] = _.set(v);
  const res = await deps.db.collection(W.wishes).where(cond).update({ data: set });
  if (res.stats.updated !== 1) throw conflict(RACE_MESSAGES[event] ?? "心愿状态刚刚变了，请刷新后再试");
  return { ...wish, ...opts.set ?? {}, status: to, onWall: PUBLIC_STATUSES.includes(to), updatedAt: now, history: [...wish.history, entry] };
}
async function notify(deps, userId, template, wish, data) {
  if (!userId) return;
  let user3 = await getById(deps.db, "users", userId);
  if ((user3 == null ? void 0 : user3.offline) && wish.onBehalf && wish.postedById !== userId) user3 = await getById(deps.db, "users", wish.postedById);
  if (!user3 || user3.offline) return;
  await sendMessage(deps, { communityId: wish.communityId, userId: user3._id, template, page: `packages/wish/pages/detail/index?id=${wish._id}&c=${wish.communityId}`, data });
}
var RACE_MESSAGES, statusWord;
var init_core3 = __esm({
  "cloudfunctions/api/src/modules/wish/core.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_repo();
    init_send();
    init_rules();
    init_repo6();
    init_rules5();
    RACE_MESSAGES = {
      claim: "这个心愿刚刚被别人认领了",
      dispatch: "这个心愿刚刚被认领了，请刷新",
      confirm: "这个心愿已经确认过了"
    };
    statusWord = (s) => ({ under_review: "审核中", open: "待认领", claimed: "已认领", fulfilled: "已完成待确认", closed: "已圆梦", rejected: "未通过", withdrawn: "已撤回" })[s];
  }
});

// cloudfunctions/api/src/modules/wish/views.ts
async function cards(db, wishes) {
  const [people, compounds, buildings] = await Promise.all([
    getMany(db, C.users, wishes.flatMap((w) => [w.wisherId, ...w.claimerId ? [w.claimerId] : []])),
    getMany(db, C.compounds, wishes.map((w) => w.compoundId)),
    getMany(db, C.buildings, wishes.map((w) => w.buildingId))
  ]);
  const nameOf = (id) => id ? listName(people.get(id) ?? { realName: null, nickname: "" }) : null;
  return wishes.map((w) => {
    var _a3, _b;
    return {
      id: w._id,
      title: w.title,
      category: w.category,
      status: w.status,
      statusLabel: WISH_STATUS_LABELS[w.status],
      place: `${((_a3 = compounds.get(w.compoundId)) == null ? void 0 : _a3.name) ?? ""} ${((_b = buildings.get(w.buildingId)) == null ? void 0 : _b.name) ?? ""}`.trim(),
      wisherName: nameOf(w.wisherId) ?? "",
      onBehalf: w.onBehalf,
      claimerName: nameOf(w.claimerId),
      photo: w.photos[0] ?? null,
      createdAt: new Date(w.createdAt).toISOString(),
      wishedBy: w.wishedBy ? chinaDay(new Date(w.wishedBy)) : null
    };
  });
}
async function detail(db, w, viewerId, relations) {
  const [card] = await cards(db, [w]);
  const people = await getMany(db, C.users, w.history.map((h) => h.byId).filter((x) => !!x));
  let contact = null;
  if (seesContact(relations)) {
    const [wisher] = (await getMany(db, C.users, [w.wisherId])).values();
    const household = (wisher == null ? void 0 : wisher.householdId) ? (await getMany(db, C.households, [wisher.householdId])).get(wisher.householdId) : void 0;
    contact = {
      name: (wisher == null ? void 0 : wisher.realName) || (wisher == null ? void 0 : wisher.nickname) || "",
      phone: (wisher == null ? void 0 : wisher.phone) ?? null,
      address: household ? await householdLabel(db, household) : card.place
    };
  }
  const iso = (d) => new Date(d).toISOString();
  return {
    ...card,
    communityId: w.communityId,
    description: w.description,
    photos: w.photos,
    history: w.history.map((h) => ({
      at: iso(h.at),
      event: h.event,
      byName: h.byId ? listName(people.get(h.byId) ?? { realName: null, nickname: "" }) : "系统",
      to: h.to,
      note: h.note,
      photos: h.photos ?? []
    })),
    proof: w.proof ? { text: w.proof.text, photos: w.proof.photos, at: iso(w.proof.at) } : null,
    rating: w.rating ? { stars: w.rating.stars, note: w.rating.note, at: iso(w.rating.at) } : null,
    rejectReason: relations.has("wisher") || relations.has("secretary") ? w.rejectReason : null,
    contact,
    can: {
      claim: can("claim", w.status, relations),
      release: can("release", w.status, relations),
      progress: can("progress", w.status, relations),
      fulfil: can("fulfil", w.status, relations),
      confirm: can("confirm", w.status, relations),
      withdraw: can("withdraw", w.status, relations),
      review: can("approve", w.status, relations),
      dispatch: can("dispatch", w.status, relations)
    },
    isMine: relations.has("wisher"),
    isClaimer: w.claimerId === viewerId
  };
}
var init_views3 = __esm({
  "cloudfunctions/api/src/modules/wish/views.ts"() {
    "use strict";
    init_wish();
    init_repo();
    init_rules();
    init_rules5();
    init_chinaTime();
  }
});

// cloudfunctions/api/src/modules/wish/claim.ts
async function claim2(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("claim", wish, relations);
  const now = ctx.now();
  const after = await move(ctx, wish, "claim", ctx.user._id, { set: { claimerId: ctx.user._id, claimVia: "claim", claimedAt: now, lastProgressAt: now } });
  await notify(ctx, wish.wisherId, "wishClaimed", after, { thing1: thing(wish.title), thing2: thing(listName(ctx.user)), time3: timeValue(now) });
  relations.add("claimer");
  return detail(ctx.db, after, ctx.user._id, relations);
}
async function dispatch(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("dispatch", wish, relations);
  const member3 = await getById(ctx.db, C.users, input.memberId);
  if (!member3 || !member3.roles.some((g) => g.communityId === input.communityId && (g.role === "party_member" || g.role === "volunteer"))) {
    throw invalid("只能派给本社区的党员或志愿者");
  }
  if (member3._id === wish.wisherId) throw invalid("不能把心愿派给许愿人自己");
  const now = ctx.now();
  const after = await move(ctx, wish, "dispatch", ctx.user._id, {
    note: input.note ? `派给${listName(member3)}：${input.note}` : `派给${listName(member3)}`,
    set: { claimerId: member3._id, claimVia: "dispatch", claimedAt: now, lastProgressAt: now }
  });
  await trace(ctx, { communityId: input.communityId, resource: { type: "wish", id: wish._id }, before: { status: wish.status }, after: { status: after.status, claimerId: member3._id } });
  await notify(ctx, wish.wisherId, "wishClaimed", after, { thing1: thing(wish.title), thing2: thing(listName(member3)), time3: timeValue(now) });
  await notify(ctx, member3._id, "reminder", after, { thing1: thing(`社区派单：${wish.title}`), thing2: "请尽快联系许愿人" });
  return detail(ctx.db, after, ctx.user._id, relations);
}
async function release(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("release", wish, relations);
  const after = await move(ctx, wish, "release", ctx.user._id, {
    note: input.reason,
    requireClaimer: true,
    set: { claimerId: null, claimVia: null, claimedAt: null, lastProgressAt: null }
  });
  relations.delete("claimer");
  return detail(ctx.db, after, ctx.user._id, relations);
}
async function remind(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  if (wish.status !== "claimed" || !wish.claimerId) throw conflict("只有已认领的心愿可以提醒认领人");
  const now = ctx.now();
  const entry = { at: now, event: "remind", byId: ctx.user._id, from: "claimed", to: "claimed", note: "社区提醒认领人跟进" };
  const _ = ctx.db.command;
  const res = await ctx.db.collection(W.wishes).where({ _id: wish._id, status: "claimed", claimerId: wish.claimerId }).update({ data: { remindedAt: now, history: _.push(entry) } });
  if (res.stats.updated !== 1) throw conflict("心愿状态刚刚变了，请刷新后再试");
  await notify(ctx, wish.claimerId, "reminder", wish, { thing1: thing(`心愿待跟进：${wish.title}`), thing2: thing("社区提醒您尽快联系许愿人") });
  const after = { ...wish, remindedAt: now, history: [...wish.history, entry] };
  return detail(ctx.db, after, ctx.user._id, relations);
}
var init_claim = __esm({
  "cloudfunctions/api/src/modules/wish/claim.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_core3();
    init_repo6();
    init_rules4();
    init_views3();
  }
});

// cloudfunctions/api/src/modules/wish/close.ts
async function awardPoints(deps, wish) {
  if (!wish.claimerId) return;
  try {
    await credit(deps.db, deps.now(), {
      communityId: wish.communityId,
      userId: wish.claimerId,
      kind: "wish_fulfilled",
      quantity: 1,
      key: `wish:${wish._id}:fulfil`,
      reason: `完成微心愿「${wish.title}」`,
      cause: { type: "wish", id: wish._id },
      byUserId: null
    });
    if (wish.pointsPending) await deps.db.collection(W.wishes).doc(wish._id).update({ data: { pointsPending: false } });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
    await deps.db.collection(W.wishes).doc(wish._id).update({ data: { pointsPending: true } });
  }
}
async function confirm(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  if (wish.status === "closed" && relations.has("wisher") && wish.rating) {
    await awardPoints(ctx, wish);
    return detail(ctx.db, wish, ctx.user._id, relations);
  }
  ensureCan("confirm", wish, relations);
  if (input.thanks && await ctx.openapi.checkText(ctx.openid, input.thanks, 2) !== "pass") throw invalid("感谢的话含有不适宜的信息，请修改");
  const now = ctx.now();
  const rating = { stars: input.stars, note: input.thanks, at: now };
  const after = await move(ctx, wish, "confirm", ctx.user._id, { note: input.thanks || null, set: { rating, closedAt: now } });
  await awardPoints(ctx, after);
  await notify(ctx, wish.claimerId, "wishConfirmed", after, { thing1: thing(wish.title), phrase2: starsPhrase(input.stars), time3: timeValue(now) });
  return detail(ctx.db, after, ctx.user._id, relations);
}
async function withdraw(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("withdraw", wish, relations);
  const after = await move(ctx, wish, "withdraw", ctx.user._id, { note: input.reason || null, set: { closedAt: ctx.now() } });
  if (wish.claimerId) await notify(ctx, wish.claimerId, "reminder", after, { thing1: thing(`心愿已撤回：${wish.title}`), thing2: "许愿人撤回了这个心愿" });
  return detail(ctx.db, after, ctx.user._id, relations);
}
var init_close = __esm({
  "cloudfunctions/api/src/modules/wish/close.ts"() {
    "use strict";
    init_errors();
    init_earn();
    init_core3();
    init_repo6();
    init_rules4();
    init_views3();
  }
});

// cloudfunctions/api/src/modules/wish/create.ts
async function create(ctx, input) {
  const { db, user: user3 } = ctx;
  const [settings3, building] = await Promise.all([settingsOf(db, input.communityId), getById(db, C.buildings, input.buildingId)]);
  if (!settings3.categories.includes(input.category)) throw invalid(`请从这些类别中选择：${settings3.categories.join("、")}`);
  if (!building || building.communityId !== input.communityId) throw invalid("请选择本社区的楼栋");
  let wisherId = user3._id;
  if (input.onBehalfOf) {
    const resident = await getById(db, C.users, input.onBehalfOf);
    if (!resident || !actsFor(user3, resident, input.communityId)) throw forbidden("只能为您代办的居民发布心愿");
    wisherId = resident._id;
  }
  const now = ctx.now();
  let wishedBy = null;
  if (input.wishedBy) {
    if (!isChinaDay(input.wishedBy)) throw invalid("日期格式应为 2026-12-01");
    wishedBy = chinaDayEnd(input.wishedBy);
    if (wishedBy < now) throw invalid("期望完成日期应在今天之后");
  }
  const verdict = await ctx.openapi.checkText(ctx.openid, `${input.title}
${input.description}`, 2);
  if (verdict === "risky") throw invalid("心愿内容含有不适宜的信息，请修改后再发布");
  const photos = input.photos ?? [];
  const open2 = verdict === "pass" && settings3.autoApprove && photos.length === 0;
  const wish = {
    _id: newWishId(now),
    communityId: input.communityId,
    compoundId: building.compoundId,
    buildingId: building._id,
    title: input.title,
    description: input.description,
    category: input.category,
    photos,
    wishedBy,
    wisherId,
    postedById: user3._id,
    onBehalf: wisherId !== user3._id,
    status: open2 ? "open" : "under_review",
    onWall: open2,
    claimerId: null,
    claimVia: null,
    lastProgressAt: null,
    proof: null,
    rating: null,
    rejectReason: null,
    pointsPending: false,
    history: [
      {
        at: now,
        event: "post",
        byId: user3._id,
        from: null,
        to: open2 ? "open" : "under_review",
        note: wisherId !== user3._id ? "楼栋长代为发布" : verdict === "review" ? "内容需社区审核" : null
      }
    ],
    createdAt: now,
    openedAt: open2 ? now : null,
    claimedAt: null,
    fulfilledAt: null,
    closedAt: null,
    remindedAt: null,
    updatedAt: now
  };
  await db.collection(W.wishes).add({ data: wish });
  return detail(db, wish, user3._id, relationsOf(wish, user3._id, { isMember: false, isSecretary: false }));
}
var init_create = __esm({
  "cloudfunctions/api/src/modules/wish/create.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_views3();
    init_repo6();
    init_rules5();
    init_chinaTime();
  }
});

// cloudfunctions/api/src/modules/wish/queries.ts
async function page(db, filter, cursor, limit, dir = "desc") {
  const _ = db.command;
  const c = checkCursor(cursor);
  const where = c ? { ...filter, _id: dir === "desc" ? _.lt(c) : _.gt(c) } : filter;
  const docs = await findMany(db, W.wishes, where, { orderBy: [["_id", dir]], limit: limit + 1 });
  const items2 = docs.slice(0, limit);
  return { items: await cards(db, items2), nextCursor: docs.length > limit ? items2[items2.length - 1]._id : null };
}
async function list(ctx, input) {
  const filter = input.status ? { communityId: input.communityId, status: input.status } : { communityId: input.communityId, onWall: true };
  if (input.category) filter.category = input.category;
  if (input.buildingId) filter.buildingId = input.buildingId;
  else if (input.compoundId) filter.compoundId = input.compoundId;
  return page(ctx.db, filter, input.cursor, input.limit ?? 20);
}
async function get(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  const visible = PUBLIC_STATUSES.includes(wish.status) || relations.has("wisher") || relations.has("secretary") || relations.has("claimer");
  if (!visible) throw notFound("这个心愿");
  return detail(ctx.db, wish, ctx.user._id, relations);
}
async function mine(ctx, input) {
  const base = { communityId: input.communityId };
  if (input.as === "wisher") {
    const [a, b] = await Promise.all([
      page(ctx.db, { ...base, wisherId: ctx.user._id }, input.cursor, input.limit ?? 20),
      page(ctx.db, { ...base, postedById: ctx.user._id, onBehalf: true }, input.cursor, input.limit ?? 20)
    ]);
    const merged = [...a.items, ...b.items].sort((x, y) => x.id < y.id ? 1 : -1);
    const limit = input.limit ?? 20;
    const items2 = merged.filter((w, i) => merged.findIndex((v) => v.id === w.id) === i).slice(0, limit);
    const more = a.nextCursor !== null || b.nextCursor !== null || merged.length > limit;
    return { items: items2, nextCursor: more && items2.length ? items2[items2.length - 1].id : null };
  }
  return page(ctx.db, { ...base, claimerId: ctx.user._id }, input.cursor, input.limit ?? 20);
}
async function reviewQueue(ctx, input) {
  return page(ctx.db, { communityId: input.communityId, status: "under_review" }, input.cursor, input.limit ?? 20, "asc");
}
async function overdueWishes(db, communityId, now, overdueDays) {
  const _ = db.command;
  const cutoff = new Date(now.getTime() - overdueDays * 864e5);
  const [open2, stale] = await Promise.all([
    findAll(db, W.wishes, { communityId, status: "open", openedAt: _.lt(cutoff) }, 2e3),
    findAll(db, W.wishes, { communityId, status: "claimed", lastProgressAt: _.lt(cutoff) }, 2e3)
  ]);
  return [...open2, ...stale].sort((a, b) => a._id < b._id ? -1 : 1);
}
async function overdue(ctx, input) {
  const settings3 = await settingsOf(ctx.db, input.communityId);
  const all = await overdueWishes(ctx.db, input.communityId, ctx.now(), settings3.overdueDays);
  const c = checkCursor(input.cursor);
  const after = c ? all.filter((w) => w._id > c) : all;
  const limit = input.limit ?? 20;
  const items2 = after.slice(0, limit);
  return { items: await cards(ctx.db, items2), nextCursor: after.length > limit ? items2[items2.length - 1]._id : null };
}
async function stats(ctx, input) {
  const wishes = await findAll(ctx.db, W.wishes, { communityId: input.communityId }, 2e4);
  const byStatus = Object.fromEntries(WISH_STATUSES.map((s) => [s, 0]));
  const hours = (a, b) => a && b ? (new Date(b).getTime() - new Date(a).getTime()) / 36e5 : null;
  const toClaim = [];
  const toFulfil = [];
  const dist = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  let stars = 0;
  let rated = 0;
  for (const w of wishes) {
    byStatus[w.status]++;
    const c = hours(w.openedAt, w.claimedAt);
    if (c !== null) toClaim.push(c);
    const f = hours(w.openedAt, w.fulfilledAt);
    if (f !== null) toFulfil.push(f);
    if (w.rating) {
      dist[String(w.rating.stars)]++;
      stars += w.rating.stars;
      rated++;
    }
  }
  const settings3 = await settingsOf(ctx.db, input.communityId);
  const round = (n) => n === null ? null : Math.round(n * 10) / 10;
  return {
    byStatus,
    posted: wishes.length,
    medianHoursToClaim: round(median(toClaim)),
    medianHoursToFulfil: round(median(toFulfil)),
    ratings: { count: rated, average: rated ? Math.round(stars / rated * 10) / 10 : null, distribution: dist },
    overdue: (await overdueWishes(ctx.db, input.communityId, ctx.now(), settings3.overdueDays)).length
  };
}
var checkCursor;
var init_queries = __esm({
  "cloudfunctions/api/src/modules/wish/queries.ts"() {
    "use strict";
    init_wish();
    init_db();
    init_errors();
    init_repo();
    init_core3();
    init_repo6();
    init_rules5();
    init_views3();
    checkCursor = (c) => {
      if (c !== void 0 && !/^w[0-9a-z]{9}[0-9a-f]{12}$/.test(c)) throw invalid("翻页参数不正确，请刷新后重试");
      return c;
    };
  }
});

// cloudfunctions/api/src/modules/wish/review.ts
async function review(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  if (!input.approve && !input.reason) throw invalid("请写明不通过的原因，居民会看到");
  const event = input.approve ? "approve" : "reject";
  ensureCan(event, wish, relations);
  const now = ctx.now();
  const after = await move(ctx, wish, event, ctx.user._id, {
    note: input.approve ? null : input.reason,
    set: input.approve ? { openedAt: now } : { rejectReason: input.reason ?? null }
  });
  await trace(ctx, { communityId: input.communityId, resource: { type: "wish", id: wish._id }, before: { status: wish.status }, after: { status: after.status, reason: input.reason ?? null } });
  return detail(ctx.db, after, ctx.user._id, relations);
}
var init_review = __esm({
  "cloudfunctions/api/src/modules/wish/review.ts"() {
    "use strict";
    init_audit();
    init_errors();
    init_core3();
    init_views3();
  }
});

// cloudfunctions/api/src/modules/wish/settings.ts
async function setSettings(ctx, input) {
  const before = await settingsOf(ctx.db, input.communityId);
  const doc = { categories: [...new Set(input.categories)], autoApprove: input.autoApprove, autoCloseDays: input.autoCloseDays, overdueDays: input.overdueDays };
  await ctx.db.collection(W.settings).doc(input.communityId).set({ data: doc });
  await trace(ctx, { communityId: input.communityId, resource: { type: "wish_settings", id: input.communityId }, before, after: doc });
  return { _id: input.communityId, ...doc };
}
var settings;
var init_settings2 = __esm({
  "cloudfunctions/api/src/modules/wish/settings.ts"() {
    "use strict";
    init_audit();
    init_repo6();
    settings = (ctx, input) => settingsOf(ctx.db, input.communityId);
  }
});

// cloudfunctions/api/src/modules/wish/work.ts
async function checked(ctx, text) {
  if (await ctx.openapi.checkText(ctx.openid, text, 2) !== "pass") throw invalid("内容含有不适宜的信息，请修改后再提交");
}
async function progress(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("progress", wish, relations);
  await checked(ctx, input.note);
  const after = await move(ctx, wish, "progress", ctx.user._id, { note: input.note, photos: input.photos, requireClaimer: true, set: { lastProgressAt: ctx.now() } });
  return detail(ctx.db, after, ctx.user._id, relations);
}
async function fulfil(ctx, input) {
  const { wish, relations } = await loadWish(ctx, input.communityId, input.wishId);
  ensureCan("fulfil", wish, relations);
  await checked(ctx, input.proof);
  const now = ctx.now();
  const after = await move(ctx, wish, "fulfil", ctx.user._id, {
    note: input.proof,
    photos: input.photos,
    requireClaimer: true,
    set: { proof: { text: input.proof, photos: input.photos ?? [], at: now }, fulfilledAt: now, lastProgressAt: now }
  });
  await notify(ctx, wish.wisherId, "wishFulfilled", after, { thing1: thing(wish.title), thing2: thing("已完成，请确认并评价"), time3: timeValue(now) });
  return detail(ctx.db, after, ctx.user._id, relations);
}
var init_work = __esm({
  "cloudfunctions/api/src/modules/wish/work.ts"() {
    "use strict";
    init_errors();
    init_core3();
    init_rules4();
    init_views3();
  }
});

// types/party.ts
var MEMBER_TYPES, MemberType, REG_STATUSES, REG_STATUS_LABELS, C2, Skills, Point, IsoTime, RegisterCodeInput, ResolveSceneInput, RegisterInput, MyRegistrationInput, PartyReviewInput, PartyMembersInput, PledgeInput, PledgeDoneInput, PostListInput, PostUpsertInput, PostClaimInput, PairAssignInput, PairMineInput, PairListInput, PairSettingsInput, PairSetSettingsInput, PairLogVisitInput, ActivityListInput, ActivityGetInput, ActivityUpsertInput, ActivityCancelInput, ActivitySignUpInput, ActivityCodeInput, ActivityCheckInput, ConfirmHoursInput, PartyRecordInput, PartyReportInput, CoverageInput;
var init_party = __esm({
  "types/party.ts"() {
    "use strict";
    init_zod();
    init_common();
    MEMBER_TYPES = ["在职", "离退休", "流动", "社区", "两新"];
    MemberType = _enum(MEMBER_TYPES);
    REG_STATUSES = ["pending", "verified", "rejected", "closed"];
    REG_STATUS_LABELS = { pending: "待审核", verified: "已报到", rejected: "未通过", closed: "已迁出" };
    C2 = { communityId: Id };
    Skills = array(Text(10)).max(10);
    Point = object({ lat: number2().min(-90).max(90), lng: number2().min(-180).max(180) }).strict();
    IsoTime = string2().datetime({ offset: true, message: "时间格式不正确" });
    RegisterCodeInput = object({ ...C2, compoundId: Id.optional() }).strict();
    ResolveSceneInput = object({ scene: string2().min(1).max(32) }).strict();
    RegisterInput = object({
      ...C2,
      scene: string2().max(32).optional(),
      name: Text(20),
      employerUnitId: Id.nullable(),
      employerName: Text(40),
      branch: Text(40),
      memberType: MemberType,
      homeCompoundId: Id,
      homeBuildingId: Id,
      skills: Skills,
      pledge: Text(100)
    }).strict();
    MyRegistrationInput = object({}).strict();
    PartyReviewInput = object({ ...C2, registrationId: Id, approve: boolean2(), reason: string2().trim().max(200).optional() }).strict();
    PartyMembersInput = PageInput.extend({ ...C2, status: _enum(REG_STATUSES).optional() }).strict();
    PledgeInput = object({ ...C2, pledge: Text(100) }).strict();
    PledgeDoneInput = object({ ...C2, note: Text(200) }).strict();
    PostListInput = object(C2).strict();
    PostUpsertInput = object({ ...C2, postId: Id.optional(), title: Text(20), description: string2().trim().max(300), skills: Skills, capacity: number2().int().min(1).max(100), active: boolean2() }).strict();
    PostClaimInput = object({ ...C2, postId: Id }).strict();
    PairAssignInput = object({ ...C2, memberId: Id, householdId: Id, needs: array(Text(10)).max(6), active: boolean2() }).strict();
    PairMineInput = object(C2).strict();
    PairListInput = object({ ...C2, memberId: Id.optional() }).strict();
    PairSettingsInput = object(C2).strict();
    PairSetSettingsInput = object({ ...C2, minPerMember: number2().int().min(1).max(15), maxPerMember: number2().int().min(1).max(15) }).strict().refine((x) => x.minPerMember <= x.maxPerMember, { message: "最少户数不能多于最多户数", path: ["minPerMember"] });
    PairLogVisitInput = object({ ...C2, householdId: Id, note: Text(300) }).strict();
    ActivityListInput = PageInput.extend({ ...C2, scope: _enum(["upcoming", "past", "mine"]).optional() }).strict();
    ActivityGetInput = object({ ...C2, activityId: Id }).strict();
    ActivityUpsertInput = object({
      ...C2,
      activityId: Id.optional(),
      title: Text(30),
      description: string2().trim().max(1e3),
      place: Text(50),
      startAt: IsoTime,
      endAt: IsoTime,
      capacity: number2().int().min(1).max(5e3),
      pointsPerHour: number2().int().min(0).max(100),
      postId: Id.nullable().optional(),
      location: Point.extend({ radius: number2().int().min(50).max(5e3) }).nullable().optional()
    }).strict();
    ActivityCancelInput = object({ ...C2, activityId: Id, reason: Text(200) }).strict();
    ActivitySignUpInput = object({ ...C2, activityId: Id }).strict();
    ActivityCodeInput = object({ ...C2, activityId: Id }).strict();
    ActivityCheckInput = object({ ...C2, token: string2().min(10).max(120), activityId: Id.optional(), location: Point.optional() }).strict();
    ConfirmHoursInput = object({
      ...C2,
      activityId: Id,
      corrections: array(object({ userId: Id, hours: number2().min(0).max(24), reason: Text(100) }).strict()).max(500).optional()
    }).strict();
    PartyRecordInput = object({ ...C2, userId: Id.optional(), year: number2().int().min(2e3).max(2100).optional() }).strict();
    PartyReportInput = object({ ...C2, year: number2().int().min(2e3).max(2100), employerUnitId: Id.optional(), format: _enum(["json", "xlsx"]).optional() }).strict();
    CoverageInput = object({ streetId: Id }).strict();
  }
});

// cloudfunctions/api/src/modules/party/rules.ts
function newSceneToken() {
  const bytes = (0, import_crypto4.randomBytes)(10);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
function checkinToken(secret, activityId, now) {
  const window = Math.floor(now.getTime() / 1e3 / PERIOD_S);
  return { token: `${activityId}.${window}.${sign(secret, activityId, window)}`, expiresAt: new Date((window + 1) * PERIOD_S * 1e3) };
}
function parseToken(token) {
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token);
  return m ? { activityId: m[1], window: Number(m[2]), signature: m[3] } : null;
}
function verifyToken(secret, parsed, now) {
  const expected = Buffer.from(sign(secret, parsed.activityId, parsed.window));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !(0, import_crypto4.timingSafeEqual)(expected, given)) return "forged";
  const current = Math.floor(now.getTime() / 1e3 / PERIOD_S);
  return parsed.window === current || parsed.window === current - 1 ? "ok" : "expired";
}
function checkinWindow(a, now) {
  const t = now.getTime();
  if (t < new Date(a.startAt).getTime() - CHECKIN_OPENS_MIN * 6e4) return "early";
  if (t > new Date(a.endAt).getTime()) return "over";
  return "open";
}
function reminderDue(startAt, now) {
  if (new Date(startAt) <= now) return false;
  const today = chinaDay(now);
  const day = chinaDay(new Date(startAt));
  if (day === today) return true;
  return day === addDays(today, 1) && chinaHour(now) >= REMIND_FROM_HOUR;
}
function serviceHours(a, checkinAt, checkoutAt) {
  const scheduled = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 36e5;
  const served = Math.max(0, (new Date(checkoutAt).getTime() - new Date(checkinAt).getTime()) / 36e5);
  return Math.round(Math.min(served, scheduled) * 4) / 4;
}
function distanceM(a, b) {
  const R = 6371e3;
  const rad = (d) => d * Math.PI / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
function coverageFlag(perHundred, median2) {
  if (perHundred === 0) return "empty";
  if (median2 > 0 && perHundred < median2 / 2) return "low";
  if (median2 > 0 && perHundred > median2 * 2) return "crowded";
  return "ok";
}
var import_crypto4, SCENE_RE, ALPHABET, PERIOD_S, sign, CHECKIN_OPENS_MIN, REMIND_FROM_HOUR, remindHorizon, CHECKOUT_GRACE_MIN, DEFAULT_PAIRS;
var init_rules6 = __esm({
  "cloudfunctions/api/src/modules/party/rules.ts"() {
    "use strict";
    import_crypto4 = require("crypto");
    init_chinaTime();
    SCENE_RE = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
    ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    PERIOD_S = 30;
    sign = (secret, activityId, window) => (0, import_crypto4.createHmac)("sha256", secret).update(`${activityId}.${window}`).digest("base64url").slice(0, 16);
    CHECKIN_OPENS_MIN = 30;
    REMIND_FROM_HOUR = 8;
    remindHorizon = (now) => chinaDayStart(addDays(chinaDay(now), 2));
    CHECKOUT_GRACE_MIN = 120;
    DEFAULT_PAIRS = { minPerMember: 5, maxPerMember: 15 };
  }
});

// cloudfunctions/api/src/modules/party/registration.ts
async function registrationView(db, r, masked = false) {
  const [community, compound, building] = await Promise.all([
    getCommunity(db, r.communityId),
    getById(db, C.compounds, r.homeCompoundId),
    getById(db, C.buildings, r.homeBuildingId)
  ]);
  return {
    id: r._id,
    userId: r.userId,
    communityId: r.communityId,
    communityName: (community == null ? void 0 : community.name) ?? "",
    name: masked ? maskName(r.name) : r.name,
    employerName: r.employerName,
    branch: r.branch,
    memberType: r.memberType,
    home: `${(compound == null ? void 0 : compound.name) ?? ""} ${(building == null ? void 0 : building.name) ?? ""}`.trim(),
    skills: r.skills,
    pledge: { text: r.pledge.text, done: r.pledge.done, doneAt: r.pledge.doneAt ? new Date(r.pledge.doneAt).toISOString() : null, doneNote: r.pledge.doneNote },
    status: r.status,
    statusLabel: REG_STATUS_LABELS[r.status],
    rejectReason: r.rejectReason,
    createdAt: new Date(r.createdAt).toISOString()
  };
}
async function registerCode(ctx, input) {
  const { db } = ctx;
  if (input.compoundId) {
    const cp = await getById(db, C.compounds, input.compoundId);
    if (!cp || cp.communityId !== input.communityId) throw notFound("小区");
  }
  const kind = input.compoundId ? "compound" : "community";
  let [scene] = await findMany(db, PT.scenes, { communityId: input.communityId, compoundId: input.compoundId ?? null, kind }, { limit: 1 });
  if (!scene) {
    scene = { _id: newSceneToken(), kind, communityId: input.communityId, compoundId: input.compoundId ?? null, createdAt: ctx.now() };
    await db.collection(PT.scenes).add({ data: scene });
  }
  const png = await ctx.openapi.qrCode(scene._id, REGISTER_PAGE);
  return { scene: scene._id, page: REGISTER_PAGE, qr: `data:image/png;base64,${png.toString("base64")}` };
}
async function sceneView(db, token) {
  const scene = SCENE_RE.test(token) ? await getById(db, PT.scenes, token) : null;
  if (!scene) throw notFound("这个二维码");
  const [community, compound, units] = await Promise.all([
    getById(db, C.communities, scene.communityId),
    scene.compoundId ? getById(db, C.compounds, scene.compoundId) : null,
    findAll(db, C.partnerUnits, { communityId: scene.communityId })
  ]);
  if (!community) throw notFound("这个二维码");
  return {
    communityId: community._id,
    communityName: community.name,
    compoundId: (compound == null ? void 0 : compound._id) ?? null,
    compoundName: (compound == null ? void 0 : compound.name) ?? null,
    partnerUnits: units.map((u) => ({ id: u._id, name: u.name }))
  };
}
async function register(ctx, input) {
  const { db, user: user3 } = ctx;
  const [community, building] = await Promise.all([getCommunity(db, input.communityId), getById(db, C.buildings, input.homeBuildingId)]);
  if (!community) throw notFound("社区");
  if (!building || building.communityId !== community._id || building.compoundId !== input.homeCompoundId) throw invalid("请选择本社区的小区和楼栋");
  if (input.scene && (await sceneView(db, input.scene)).communityId !== community._id) throw invalid("二维码与社区不一致，请重新扫码");
  if (input.employerUnitId) {
    const unit = await getById(db, C.partnerUnits, input.employerUnitId);
    if (!unit || unit.communityId !== community._id) throw invalid("请从列表中选择工作单位，或直接填写单位名称");
  }
  if (await ctx.openapi.checkText(ctx.openid, `${input.pledge} ${input.skills.join(" ")}`, 1) !== "pass") throw invalid("承诺或特长含有不适宜的内容，请修改");
  const now = ctx.now();
  const reg = {
    _id: newId("r"),
    communityId: community._id,
    userId: user3._id,
    activeKey: user3._id,
    name: input.name,
    employerUnitId: input.employerUnitId,
    employerName: input.employerName,
    branch: input.branch,
    memberType: input.memberType,
    homeCompoundId: input.homeCompoundId,
    homeBuildingId: input.homeBuildingId,
    skills: [...new Set(input.skills)],
    pledge: { text: input.pledge, done: false, doneAt: null, doneNote: null },
    status: "pending",
    rejectReason: null,
    viaScene: input.scene ?? null,
    createdAt: now,
    reviewedAt: null,
    reviewedBy: null,
    closedAt: null
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.collection(PT.registrations).add({ data: reg });
      return registrationView(db, reg);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const [active] = await findMany(db, PT.registrations, { activeKey: user3._id }, { limit: 1 });
      if (!active) continue;
      if (active.communityId === community._id) throw conflict(active.status === "pending" ? "您已提交报到，请等待社区审核" : "您已在本社区报到");
      const closed = await db.collection(PT.registrations).where({ _id: active._id, activeKey: user3._id }).update({ data: { status: "closed", activeKey: `closed:${active._id}`, closedAt: now } });
      if (closed.stats.updated === 1) await leaveCommunity(db, user3._id, active.communityId, now);
    }
  }
  throw conflict("报到没有成功，请稍后再试");
}
async function leaveCommunity(db, userId, communityId, now) {
  const _ = db.command;
  await db.collection(C.users).where({ _id: userId }).update({ data: { roles: _.pull({ communityId, role: "party_member" }), updatedAt: now } });
  await db.collection(PT.pairs).where({ memberId: userId, communityId, active: true }).update({ data: { active: false } });
  const held = await findMany(db, PT.posts, { communityId, holders: userId }, { limit: 100 });
  for (const post of held) {
    await db.collection(PT.posts).where({ _id: post._id, holders: userId }).update({ data: { holders: _.pull(userId), holderCount: _.inc(-1) } });
  }
}
async function myRegistration(ctx, _input) {
  const all = await findMany(ctx.db, PT.registrations, { userId: ctx.user._id }, { orderBy: [["createdAt", "desc"]], limit: 50 });
  const active = all.find((r) => r.activeKey === ctx.user._id) ?? null;
  return { current: active ? await registrationView(ctx.db, active) : null, history: await Promise.all(all.filter((r) => r !== active).map((r) => registrationView(ctx.db, r))) };
}
async function review2(ctx, input) {
  const { db } = ctx;
  const reg = await getById(db, PT.registrations, input.registrationId);
  if (!reg || reg.communityId !== input.communityId) throw notFound("这份报到");
  if (!input.approve && !input.reason) throw invalid("请写明不通过的原因，党员会看到");
  const now = ctx.now();
  const res = await db.collection(PT.registrations).where({ _id: reg._id, status: "pending" }).update({
    data: input.approve ? { status: "verified", reviewedAt: now, reviewedBy: ctx.user._id } : { status: "rejected", rejectReason: input.reason, activeKey: `closed:${reg._id}`, reviewedAt: now, reviewedBy: ctx.user._id }
  });
  if (res.stats.updated !== 1) throw conflict("这份报到已经审核过了");
  if (input.approve) {
    const _ = db.command;
    const grant2 = { communityId: reg.communityId, role: "party_member" };
    await db.collection(C.users).where({ _id: reg.userId, roles: _.not(_.elemMatch(grant2)) }).update({ data: { roles: _.push(grant2), updatedAt: now } });
  }
  await trace(ctx, { communityId: reg.communityId, resource: { type: "party_registration", id: reg._id }, before: { status: "pending" }, after: { status: input.approve ? "verified" : "rejected", reason: input.reason ?? null } });
  const after = await getById(db, PT.registrations, reg._id);
  return registrationView(db, after, true);
}
async function members3(ctx, input) {
  const _ = ctx.db.command;
  const filter = { communityId: input.communityId };
  if (input.status) filter.status = input.status;
  if (input.cursor) filter._id = _.gt(input.cursor);
  const limit = input.limit ?? 20;
  const docs = await findMany(ctx.db, PT.registrations, filter, { orderBy: [["_id", "asc"]], limit: limit + 1 });
  const page2 = docs.slice(0, limit);
  return { items: await Promise.all(page2.map((r) => registrationView(ctx.db, r, r.status !== "pending"))), nextCursor: docs.length > limit ? page2[page2.length - 1]._id : null };
}
async function myActive(ctx, communityId) {
  const [r] = await findMany(ctx.db, PT.registrations, { activeKey: ctx.user._id, communityId }, { limit: 1 });
  if (!r) throw notFound("您在本社区的报到");
  return r;
}
async function pledge(ctx, input) {
  const r = await myActive(ctx, input.communityId);
  if (await ctx.openapi.checkText(ctx.openid, input.pledge, 1) !== "pass") throw invalid("承诺含有不适宜的内容，请修改");
  const p = { text: input.pledge, done: false, doneAt: null, doneNote: null };
  await ctx.db.collection(PT.registrations).doc(r._id).update({ data: { pledge: ctx.db.command.set(p) } });
  return registrationView(ctx.db, { ...r, pledge: p });
}
async function pledgeDone(ctx, input) {
  const r = await myActive(ctx, input.communityId);
  if (r.status !== "verified") throw conflict("报到审核通过后才能记录承诺兑现");
  const p = { ...r.pledge, done: true, doneAt: ctx.now(), doneNote: input.note };
  await ctx.db.collection(PT.registrations).doc(r._id).update({ data: { pledge: ctx.db.command.set(p) } });
  return registrationView(ctx.db, { ...r, pledge: p });
}
var REGISTER_PAGE, resolveScene;
var init_registration = __esm({
  "cloudfunctions/api/src/modules/party/registration.ts"() {
    "use strict";
    init_party();
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_repo2();
    init_rules6();
    REGISTER_PAGE = "packages/party/pages/register/index";
    resolveScene = (ctx, input) => sceneView(ctx.db, input.scene);
  }
});

// cloudfunctions/api/src/modules/party/posts.ts
async function views2(ctx, posts) {
  var _a3;
  const communityId = (_a3 = posts[0]) == null ? void 0 : _a3.communityId;
  const [people, reg] = await Promise.all([
    getMany(ctx.db, C.users, posts.flatMap((p) => p.holders)),
    communityId ? verifiedRegistration(ctx.db, ctx.user._id, communityId) : null
  ]);
  const skills = new Set((reg == null ? void 0 : reg.skills) ?? []);
  return posts.map((p) => ({
    id: p._id,
    title: p.title,
    description: p.description,
    skills: p.skills,
    capacity: p.capacity,
    holders: p.holders.map((id) => ({ userId: id, name: listName(people.get(id) ?? { realName: null, nickname: "" }) })),
    mine: p.holders.includes(ctx.user._id),
    mySkills: p.skills.filter((s) => skills.has(s)),
    active: p.active
  }));
}
async function list2(ctx, input) {
  const posts = await findMany(ctx.db, PT.posts, { communityId: input.communityId }, { orderBy: [["createdAt", "asc"]], limit: 100 });
  return views2(ctx, posts);
}
async function upsert(ctx, input) {
  const { db } = ctx;
  const now = ctx.now();
  if (input.postId) {
    const before = await getById(db, PT.posts, input.postId);
    if (!before || before.communityId !== input.communityId) throw notFound("这个岗位");
    if (input.capacity < before.holderCount) throw conflict(`已有 ${before.holderCount} 人在岗，容量不能小于此数`);
    const data = { title: input.title, description: input.description, skills: db.command.set(input.skills), capacity: input.capacity, active: input.active };
    const res = await db.collection(PT.posts).where({ _id: before._id, holderCount: db.command.lte(input.capacity) }).update({ data });
    if (res.stats.updated !== 1) {
      const current = await getById(db, PT.posts, before._id);
      if (current && current.holderCount > input.capacity) throw conflict(`已有 ${current.holderCount} 人在岗，容量不能小于此数`);
    }
    await trace(ctx, { communityId: input.communityId, resource: { type: "post", id: before._id }, before, after: { ...input } });
    return (await views2(ctx, [await getById(db, PT.posts, before._id)]))[0];
  }
  const post = { _id: newId("p"), communityId: input.communityId, title: input.title, description: input.description, skills: input.skills, capacity: input.capacity, holders: [], holderCount: 0, active: input.active, createdAt: now };
  await db.collection(PT.posts).add({ data: post });
  await trace(ctx, { communityId: input.communityId, resource: { type: "post", id: post._id }, after: post });
  return (await views2(ctx, [post]))[0];
}
async function claim3(ctx, input) {
  const { db, user: user3 } = ctx;
  const post = await getById(db, PT.posts, input.postId);
  if (!post || post.communityId !== input.communityId || !post.active) throw notFound("这个岗位");
  if (!await verifiedRegistration(db, user3._id, input.communityId)) throw forbidden("报到审核通过后才能认领岗位");
  if (post.holders.includes(user3._id)) throw conflict("您已经在这个岗位上了");
  const _ = db.command;
  for (let current = post, attempt = 0; ; attempt++) {
    const res = await db.collection(PT.posts).where({ _id: current._id, active: true, capacity: current.capacity, holders: _.neq(user3._id), holderCount: _.lt(current.capacity) }).update({ data: { holders: _.push(user3._id), holderCount: _.inc(1) } });
    if (res.stats.updated === 1) break;
    const now = await getById(db, PT.posts, current._id);
    if (!now || !now.active) throw notFound("这个岗位");
    if (now.holders.includes(user3._id)) throw conflict("您已经在这个岗位上了");
    if (now.holderCount >= now.capacity || attempt >= 5) throw conflict("这个岗位已满员");
    current = now;
  }
  return (await views2(ctx, [await getById(db, PT.posts, post._id)]))[0];
}
async function leave(ctx, input) {
  const { db, user: user3 } = ctx;
  const _ = db.command;
  const res = await db.collection(PT.posts).where({ _id: input.postId, communityId: input.communityId, holders: user3._id }).update({ data: { holders: _.pull(user3._id), holderCount: _.inc(-1) } });
  if (res.stats.updated !== 1) throw conflict("您不在这个岗位上");
  return (await views2(ctx, [await getById(db, PT.posts, input.postId)]))[0];
}
var init_posts = __esm({
  "cloudfunctions/api/src/modules/party/posts.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_repo2();
    init_verified();
  }
});

// cloudfunctions/api/src/modules/party/pairs.ts
async function assign(ctx, input) {
  const { db } = ctx;
  const [household, member3] = await Promise.all([getById(db, C.households, input.householdId), getById(db, C.users, input.memberId)]);
  if (!household || household.communityId !== input.communityId) throw notFound("这户居民");
  if (!member3 || !await verifiedRegistration(db, member3._id, input.communityId)) throw invalid("只能与本社区已报到的党员结对");
  const id = `${member3._id}_${household._id}`;
  const before = await getById(db, PT.pairs, id);
  if (input.active && !(before == null ? void 0 : before.active)) {
    const { maxPerMember } = await pairSettingsOf(db, input.communityId);
    const count = (await findMany(db, PT.pairs, { memberId: member3._id, communityId: input.communityId, active: true }, { limit: 100 })).length;
    if (count >= maxPerMember) throw conflict(`每位党员最多结对 ${maxPerMember} 户（可在结对设置里调整）`);
  }
  const doc = {
    communityId: input.communityId,
    memberId: member3._id,
    householdId: household._id,
    needs: input.needs,
    active: input.active,
    since: (before == null ? void 0 : before.since) ?? ctx.now(),
    visits: (before == null ? void 0 : before.visits) ?? 0,
    lastVisitAt: (before == null ? void 0 : before.lastVisitAt) ?? null
  };
  await db.collection(PT.pairs).doc(id).set({ data: doc });
  await trace(ctx, { communityId: input.communityId, resource: { type: "pair", id }, before, after: doc });
  return { pairId: id, active: input.active };
}
async function pairViews(ctx, pairs) {
  const members4 = await getMany(ctx.db, C.users, pairs.map((p) => p.memberId));
  return Promise.all(
    pairs.map(async (p) => {
      const h = await getById(ctx.db, C.households, p.householdId);
      const residents = (await findAll(ctx.db, C.users, { householdId: p.householdId }, 20)).filter((r) => r.householdStatus === "verified");
      return {
        householdId: p.householdId,
        household: await householdLabel(ctx.db, h),
        residents: residents.map((r) => r.realName || r.nickname),
        needs: p.needs,
        since: new Date(p.since).toISOString(),
        visits: p.visits,
        lastVisitAt: p.lastVisitAt ? new Date(p.lastVisitAt).toISOString() : null,
        memberId: p.memberId,
        memberName: listName(members4.get(p.memberId) ?? { realName: null, nickname: "" })
      };
    })
  );
}
async function mine2(ctx, input) {
  return pairViews(ctx, await findMany(ctx.db, PT.pairs, { memberId: ctx.user._id, communityId: input.communityId, active: true }, { limit: 100 }));
}
async function list3(ctx, input) {
  const filter = { communityId: input.communityId, active: true };
  if (input.memberId) filter.memberId = input.memberId;
  return pairViews(ctx, await findAll(ctx.db, PT.pairs, filter, 2e3));
}
async function logVisit(ctx, input) {
  const { db, user: user3 } = ctx;
  const id = `${user3._id}_${input.householdId}`;
  const pair = await getById(db, PT.pairs, id);
  if (!pair || !pair.active || pair.communityId !== input.communityId) throw forbidden("您没有和这户结对");
  if (await ctx.openapi.checkText(ctx.openid, input.note, 2) === "risky") throw invalid("记录含有不适宜的内容，请修改");
  const now = ctx.now();
  const visit = { _id: newId("v"), pairId: id, communityId: input.communityId, memberId: user3._id, householdId: input.householdId, note: input.note, at: now };
  await db.collection(PT.visits).add({ data: visit });
  await db.collection(PT.pairs).doc(id).update({ data: { visits: db.command.inc(1), lastVisitAt: now } });
  return { visits: pair.visits + 1, lastVisitAt: now.toISOString() };
}
async function pairSettingsOf(db, communityId) {
  return await getById(db, PT.pairSettings, communityId) ?? { _id: communityId, ...DEFAULT_PAIRS };
}
async function setSettings2(ctx, input) {
  const before = await pairSettingsOf(ctx.db, input.communityId);
  const doc = { minPerMember: input.minPerMember, maxPerMember: input.maxPerMember };
  await ctx.db.collection(PT.pairSettings).doc(input.communityId).set({ data: doc });
  await trace(ctx, { communityId: input.communityId, resource: { type: "pair_settings", id: input.communityId }, before, after: doc });
  return { _id: input.communityId, ...doc };
}
var settings2;
var init_pairs = __esm({
  "cloudfunctions/api/src/modules/party/pairs.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_repo2();
    init_rules6();
    init_verified();
    settings2 = (ctx, input) => pairSettingsOf(ctx.db, input.communityId);
  }
});

// cloudfunctions/api/src/platform/batches.ts
function skippedOf(cursor) {
  const s = cursor == null ? void 0 : cursor.skip;
  return Array.isArray(s) ? s.filter((x) => typeof x === "string") : [];
}
function notSkipped(db, skip) {
  return skip.length ? { _id: db.command.nin(skip) } : {};
}
function queueBatch(counts, fetched, limit, skip) {
  const done = fetched < limit || skip.length >= MAX_SKIPPED;
  return { counts, cursor: skip.length && !done ? { skip } : null, done };
}
function afterIdOf(cursor, key = "after") {
  const v = cursor == null ? void 0 : cursor[key];
  return typeof v === "string" ? v : null;
}
function timeKeyOf(cursor, key = "after") {
  const v = cursor == null ? void 0 : cursor[key];
  return v && typeof v.at === "string" && typeof v.id === "string" ? v : null;
}
async function pageAfter(db, collection, filter, field, bound, after, limit) {
  const _ = db.command;
  const out = [];
  if (after) {
    const same = await findMany(db, collection, { ...filter, [field]: new Date(after.at), _id: _.gt(after.id) }, { orderBy: [["_id", "asc"]], limit });
    out.push(...same);
    if (out.length >= limit) return out;
  }
  const later = after ? bound ? _.and(_.gt(new Date(after.at)), bound) : _.gt(new Date(after.at)) : bound;
  const rest = await findMany(db, collection, later ? { ...filter, [field]: later } : filter, {
    orderBy: [[field, "asc"], ["_id", "asc"]],
    limit: limit - out.length
  });
  out.push(...rest);
  return out;
}
function timeKey(doc, at) {
  return { at: new Date(at).toISOString(), id: doc._id };
}
async function inParallel(items2, width, fn) {
  for (let i = 0; i < items2.length; i += width) await Promise.all(items2.slice(i, i + width).map(fn));
}
function addCounts(into, more) {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v;
  return into;
}
var MAX_SKIPPED;
var init_batches = __esm({
  "cloudfunctions/api/src/platform/batches.ts"() {
    "use strict";
    init_db();
    MAX_SKIPPED = 100;
  }
});

// cloudfunctions/api/src/modules/party/notify.ts
async function notifyUser(deps, communityId, userId, page2, what, note) {
  await sendMessage(deps, { communityId, userId, template: "reminder", page: page2, data: { thing1: thing(what), thing2: thing(note) } });
}
var init_notify = __esm({
  "cloudfunctions/api/src/modules/party/notify.ts"() {
    "use strict";
    init_send();
    init_rules4();
  }
});

// cloudfunctions/api/src/modules/party/cancelNotice.ts
async function startCancelNotice(deps, a, reason) {
  const job = {
    _id: noticeJobId(a._id),
    kind: "activity.cancel",
    status: "pending",
    activityId: a._id,
    communityId: a.communityId,
    page: `packages/party/pages/activity/index?id=${a._id}&c=${a.communityId}`,
    what: `活动取消：${a.title}`,
    note: reason,
    after: null,
    sent: 0,
    createdAt: deps.now(),
    doneAt: null
  };
  await ensureDoc(deps.db, PT.noticeJobs, job);
  return await getById(deps.db, PT.noticeJobs, job._id) ?? job;
}
async function sendNoticeBatch(deps, job) {
  const _ = deps.db.command;
  const now = deps.now();
  const signups = await findMany(deps.db, PT.signups, { activityId: job.activityId, status: "signed", ...job.after ? { _id: _.gt(job.after) } : {} }, {
    orderBy: [["_id", "asc"]],
    limit: NOTICES_PER_BATCH
  });
  let sent = 0;
  await inParallel(signups.filter((s) => !s.cancelNoticeAt), SENDS_AT_ONCE, async (s) => {
    const res = await deps.db.collection(PT.signups).where({ _id: s._id, cancelNoticeAt: _.exists(false) }).update({ data: { cancelNoticeAt: now } });
    if (res.stats.updated !== 1) return;
    await notifyUser(deps, job.communityId, s.userId, job.page, job.what, job.note);
    sent++;
  });
  const finished = signups.length < NOTICES_PER_BATCH;
  const after = signups.length ? signups[signups.length - 1]._id : job.after;
  await deps.db.collection(PT.noticeJobs).doc(job._id).update({
    data: { after, sent: _.inc(sent), ...finished ? { status: "done", doneAt: now } : {} }
  });
  job.after = after;
  job.sent += sent;
  return { sent, finished };
}
async function sendCancelNotices(deps, cursor) {
  const last = afterIdOf(cursor);
  let [job] = last ? await findMany(deps.db, PT.noticeJobs, { status: "pending", _id: deps.db.command.gt(last) }, { orderBy: [["_id", "asc"]], limit: 1 }) : [];
  if (!job) [job] = await findMany(deps.db, PT.noticeJobs, { status: "pending" }, { orderBy: [["_id", "asc"]], limit: 1 });
  if (!job) return { counts: { sent: 0 }, cursor: null, done: true };
  const { sent } = await sendNoticeBatch(deps, job);
  return { counts: { sent }, cursor: { after: job._id }, done: false };
}
var NOTICES_PER_BATCH, SENDS_AT_ONCE, noticeJobId;
var init_cancelNotice = __esm({
  "cloudfunctions/api/src/modules/party/cancelNotice.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_notify();
    init_repo2();
    NOTICES_PER_BATCH = 50;
    SENDS_AT_ONCE = 10;
    noticeJobId = (activityId) => `cancel_${activityId}`;
  }
});

// cloudfunctions/api/src/modules/party/activities.ts
async function isSecretaryHere(ctx, a) {
  const c = await getCommunity(ctx.db, a.communityId);
  return !!c && holdsRole(ctx.user, c, ["secretary", "street_admin"]);
}
async function isOrganiser(ctx, a) {
  return a.organiserId === ctx.user._id || isSecretaryHere(ctx, a);
}
async function loadActivity(db, communityId, activityId) {
  const a = await getById(db, PT.activities, activityId);
  if (!a || a.communityId !== communityId) throw notFound("这个活动");
  return a;
}
async function activityViews(ctx, list5) {
  const [organisers, signups] = await Promise.all([
    getMany(ctx.db, C.users, list5.map((a) => a.organiserId)),
    getMany(ctx.db, PT.signups, list5.map((a) => `${a._id}_${ctx.user._id}`))
  ]);
  const iso = (d) => d ? new Date(d).toISOString() : null;
  return Promise.all(
    list5.map(async (a) => {
      const s = signups.get(`${a._id}_${ctx.user._id}`);
      return {
        id: a._id,
        title: a.title,
        description: a.description,
        place: a.place,
        startAt: iso(a.startAt),
        endAt: iso(a.endAt),
        capacity: a.capacity,
        signedUp: a.signedUp,
        pointsPerHour: a.pointsPerHour,
        status: a.status,
        organiserName: listName(organisers.get(a.organiserId) ?? { realName: null, nickname: "" }),
        hasLocation: !!a.location,
        mySignup: s && s.status !== "withdrawn" ? { status: s.status, checkinAt: iso(s.checkinAt), checkoutAt: iso(s.checkoutAt), hours: s.hours, confirmedHours: s.confirmedHours } : null,
        isOrganiser: await isOrganiser(ctx, a)
      };
    })
  );
}
async function list4(ctx, input) {
  const { db } = ctx;
  const _ = db.command;
  const limit = input.limit ?? 20;
  const scope = input.scope ?? "upcoming";
  if (scope === "mine") {
    const mine3 = await findMany(db, PT.signups, { userId: ctx.user._id, communityId: input.communityId }, { orderBy: [["signedAt", "desc"]], limit: 100 });
    const acts = await getMany(db, PT.activities, mine3.map((s) => s.activityId));
    return { items: await activityViews(ctx, mine3.map((s) => acts.get(s.activityId)).filter((a) => !!a)), nextCursor: null };
  }
  const now = ctx.now();
  const filter = { communityId: input.communityId, endAt: scope === "upcoming" ? _.gte(now) : _.lt(now) };
  if (input.cursor) filter._id = scope === "upcoming" ? _.gt(input.cursor) : _.lt(input.cursor);
  const docs = await findMany(db, PT.activities, filter, { orderBy: [["_id", scope === "upcoming" ? "asc" : "desc"]], limit: limit + 1 });
  const page2 = docs.slice(0, limit);
  return { items: await activityViews(ctx, page2), nextCursor: docs.length > limit ? page2[page2.length - 1]._id : null };
}
async function get2(ctx, input) {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId);
  const [view] = await activityViews(ctx, [a]);
  let roster = null;
  if (view.isOrganiser) {
    const all = (await findAll(ctx.db, PT.signups, { activityId: a._id }, 5e3)).filter((s) => s.status !== "withdrawn");
    const people = await getMany(ctx.db, C.users, all.map((s) => s.userId));
    roster = all.map((s) => ({ userId: s.userId, name: listName(people.get(s.userId) ?? { realName: null, nickname: "" }), status: s.status, hours: s.hours, confirmedHours: s.confirmedHours }));
  }
  return { ...view, postId: view.isOrganiser ? a.postId : null, location: view.isOrganiser ? a.location : null, roster };
}
async function upsert2(ctx, input) {
  const { db, user: user3 } = ctx;
  const startAt = new Date(input.startAt);
  const endAt = new Date(input.endAt);
  if (!(endAt > startAt)) throw invalid("结束时间要晚于开始时间");
  if (endAt.getTime() - startAt.getTime() > 24 * 36e5) throw invalid("一次活动不超过 24 小时");
  const community = await getCommunity(db, input.communityId);
  const secretary = !!community && holdsRole(user3, community, ["secretary", "street_admin"]);
  const post = input.postId ? await getById(db, PT.posts, input.postId) : null;
  if (!secretary) {
    const reg = await verifiedRegistration(db, user3._id, input.communityId);
    if (!reg || !post || post.communityId !== input.communityId || !post.holders.includes(user3._id)) throw forbidden("社区书记或在岗党员才能发布活动");
  }
  if (input.postId && (!post || post.communityId !== input.communityId)) throw notFound("岗位");
  if (await ctx.openapi.checkText(ctx.openid, `${input.title} ${input.description}`, 3) !== "pass") throw invalid("活动内容含有不适宜的信息，请修改");
  const now = ctx.now();
  const fields = {
    title: input.title,
    description: input.description,
    place: input.place,
    startAt,
    endAt,
    capacity: input.capacity,
    pointsPerHour: input.pointsPerHour,
    postId: input.postId ?? null,
    location: input.location ?? null,
    updatedAt: now
  };
  const before = input.activityId ? await loadActivity(db, input.communityId, input.activityId) : null;
  if (before && input.postId === void 0) fields.postId = before.postId;
  if (before && input.location === void 0) fields.location = before.location;
  if (before) {
    if (!await isOrganiser(ctx, before)) throw forbidden("只有组织者可以修改活动");
    if (input.capacity < before.signedUp) throw conflict(`已有 ${before.signedUp} 人报名，名额不能少于此数`);
    const res = await db.collection(PT.activities).where({ _id: before._id, signedUp: db.command.lte(input.capacity) }).update({ data: { ...fields, location: db.command.set(fields.location) } });
    if (res.stats.updated !== 1) throw conflict("报名人数刚刚超过了新的名额，请刷新后再改");
    const after = await getById(db, PT.activities, before._id);
    await trace(ctx, { communityId: input.communityId, resource: { type: "activity", id: before._id }, before: { ...before, secret: void 0 }, after: fields });
    return (await activityViews(ctx, [after]))[0];
  }
  const a = { _id: newActivityId(startAt), communityId: input.communityId, ...fields, signedUp: 0, organiserId: user3._id, secret: newId() + newId(), status: "published", createdAt: now };
  await db.collection(PT.activities).add({ data: a });
  await trace(ctx, { communityId: input.communityId, resource: { type: "activity", id: a._id }, after: fields });
  return (await activityViews(ctx, [a]))[0];
}
async function cancel2(ctx, input) {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId);
  if (!await isOrganiser(ctx, a)) throw forbidden("只有组织者可以取消活动");
  const res = await ctx.db.collection(PT.activities).where({ _id: a._id, status: "published" }).update({ data: { status: "cancelled", updatedAt: ctx.now() } });
  if (res.stats.updated !== 1) throw conflict("活动已经取消了");
  await trace(ctx, { communityId: input.communityId, resource: { type: "activity", id: a._id }, before: { status: "published" }, after: { status: "cancelled", reason: input.reason } });
  const job = await startCancelNotice(ctx, a, input.reason);
  try {
    await sendNoticeBatch(ctx, job);
  } catch (err) {
    console.error("activity.cancel: first notice batch failed", a._id, err);
  }
  return (await activityViews(ctx, [{ ...a, status: "cancelled" }]))[0];
}
async function signUp(ctx, input) {
  const { db, user: user3 } = ctx;
  const a = await loadActivity(db, input.communityId, input.activityId);
  if (a.status !== "published") throw conflict("活动已取消");
  const now = ctx.now();
  if (now > new Date(a.endAt)) throw conflict("活动已经结束了");
  const id = `${a._id}_${user3._id}`;
  await runTx(db, async (tx) => {
    const act = await txGet(tx, PT.activities, a._id);
    const mine3 = await txGet(tx, PT.signups, id);
    if (!act || act.status !== "published") throw conflict("活动已取消");
    if (mine3 && mine3.status !== "withdrawn") throw conflict("您已经报名了");
    if (act.signedUp >= act.capacity) throw conflict("名额已满，下次早点报名");
    await tx.collection(PT.activities).doc(a._id).update({ data: { signedUp: db.command.inc(1) } });
    const s = { _id: id, activityId: a._id, communityId: a.communityId, userId: user3._id, status: "signed", signedAt: now, checkinAt: null, checkoutAt: null, hours: null, confirmedHours: null, correction: null, confirmedAt: null };
    if (mine3) {
      const { _id, ...rest } = s;
      await tx.collection(PT.signups).doc(id).set({ data: rest });
    } else await tx.collection(PT.signups).add({ data: s });
  });
  return (await activityViews(ctx, [await getById(db, PT.activities, a._id)]))[0];
}
async function withdraw2(ctx, input) {
  const { db, user: user3 } = ctx;
  const a = await loadActivity(db, input.communityId, input.activityId);
  if (ctx.now() >= new Date(a.startAt)) throw conflict("活动已经开始，不能取消报名");
  const id = `${a._id}_${user3._id}`;
  await runTx(db, async (tx) => {
    const mine3 = await txGet(tx, PT.signups, id);
    if (!mine3 || mine3.status !== "signed") throw conflict("您没有报名这个活动");
    await tx.collection(PT.signups).doc(id).update({ data: { status: "withdrawn" } });
    await tx.collection(PT.activities).doc(a._id).update({ data: { signedUp: db.command.inc(-1) } });
  });
  return (await activityViews(ctx, [await getById(db, PT.activities, a._id)]))[0];
}
var newActivityId;
var init_activities = __esm({
  "cloudfunctions/api/src/modules/party/activities.ts"() {
    "use strict";
    init_audit();
    init_db();
    init_errors();
    init_repo();
    init_rules();
    init_cancelNotice();
    init_repo2();
    init_verified();
    newActivityId = (now) => "ac" + now.getTime().toString(36).padStart(9, "0") + newId().slice(0, 10);
  }
});

// cloudfunctions/api/src/modules/party/checkin.ts
async function checkinCode(ctx, input) {
  const a = await loadActivity(ctx.db, input.communityId, input.activityId);
  if (!await isOrganiser(ctx, a)) throw forbidden("只有组织者可以出示签到码");
  if (a.status !== "published") throw conflict("活动已取消");
  const { token, expiresAt } = checkinToken(a.secret, a._id, ctx.now());
  const qr = qrDataUrl(token, { errorCorrectionLevel: "M", margin: 2, width: 480 });
  return { token, qr, expiresAt: expiresAt.toISOString(), periodSeconds: PERIOD_S };
}
async function activityOfToken(ctx, input) {
  const parsed = parseToken(input.token);
  if (!parsed) throw invalid("这不是有效的签到码");
  if (input.activityId && input.activityId !== parsed.activityId) throw invalid("这不是本活动的签到码");
  const a = await getById(ctx.db, PT.activities, parsed.activityId);
  if (!a || a.communityId !== input.communityId) throw invalid("这不是有效的签到码");
  const verdict = verifyToken(a.secret, parsed, ctx.now());
  if (verdict === "forged") throw invalid("这不是有效的签到码");
  if (verdict === "expired") throw invalid("签到码已过期，请扫描组织者手机上最新的二维码");
  if (a.status !== "published") throw conflict("活动已取消");
  if (a.location) {
    if (!input.location) throw forbidden("这个活动需要定位签到，请允许获取位置后再试");
    if (distanceM(a.location, input.location) > a.location.radius) throw forbidden("您不在活动地点附近，到现场后再签到");
  }
  return a;
}
async function mySignup(ctx, a) {
  const s = await getById(ctx.db, PT.signups, `${a._id}_${ctx.user._id}`);
  if (!s || s.status === "withdrawn") throw forbidden("您没有报名这个活动");
  return s;
}
async function checkin(ctx, input) {
  const a = await activityOfToken(ctx, input);
  const s = await mySignup(ctx, a);
  const now = ctx.now();
  const w = checkinWindow(a, now);
  if (w === "early") throw conflict("签到还没开始，活动开始前 30 分钟可以签到");
  if (w === "over") throw conflict("活动已经结束，不能签到了");
  if (s.status !== "signed") throw conflict("您已经签到过了");
  const res = await ctx.db.collection(PT.signups).where({ _id: s._id, status: "signed" }).update({ data: { status: "checked_in", checkinAt: now } });
  if (res.stats.updated !== 1) throw conflict("您已经签到过了");
  return get2(ctx, { communityId: a.communityId, activityId: a._id });
}
async function checkout(ctx, input) {
  const a = await activityOfToken(ctx, input);
  const s = await mySignup(ctx, a);
  const now = ctx.now();
  if (s.status === "checked_out") throw conflict("您已经签退过了");
  if (s.status !== "checked_in" || !s.checkinAt) throw conflict("您还没有签到，不能签退");
  if (now.getTime() > new Date(a.endAt).getTime() + CHECKOUT_GRACE_MIN * 6e4) throw conflict("签退时间已过，请联系组织者确认时长");
  const hours = serviceHours(a, new Date(s.checkinAt), now);
  const res = await ctx.db.collection(PT.signups).where({ _id: s._id, status: "checked_in" }).update({ data: { status: "checked_out", checkoutAt: now, hours } });
  if (res.stats.updated !== 1) throw conflict("您已经签退过了");
  return get2(ctx, { communityId: a.communityId, activityId: a._id });
}
async function confirmHours(ctx, input) {
  const { db } = ctx;
  const a = await loadActivity(db, input.communityId, input.activityId);
  if (!await isOrganiser(ctx, a)) throw forbidden("只有组织者可以确认时长");
  if (a.status === "cancelled") throw conflict("活动已取消，没有时长需要确认");
  const now = ctx.now();
  if (now < new Date(a.endAt)) throw conflict("活动结束后才能确认时长");
  const scheduled = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 36e5;
  const corrections = new Map((input.corrections ?? []).map((c) => [c.userId, c]));
  const signups = [];
  let after = "";
  for (; ; ) {
    const page2 = await findMany(db, PT.signups, after ? { activityId: a._id, _id: db.command.gt(after) } : { activityId: a._id }, { orderBy: [["_id", "asc"]], limit: 100 });
    signups.push(...page2);
    if (page2.length < 100) break;
    after = page2[page2.length - 1]._id;
  }
  for (const c of corrections.values()) {
    const s = signups.find((x) => x.userId === c.userId);
    if (!s || s.status === "withdrawn") throw notFound("这位报名者");
    if (s.confirmedAt) throw conflict("这位报名者的时长已经确认过了，不能再更正");
    if (c.userId === ctx.user._id && a.organiserId === ctx.user._id && !await isSecretaryHere(ctx, a)) throw forbidden("自己的服务时长请由社区书记确认");
    if (c.hours > scheduled) throw invalid(`时长不能超过活动安排的 ${Math.round(scheduled * 100) / 100} 小时`);
  }
  let confirmed = 0;
  let noShows = 0;
  let credited = 0;
  let stillIn = 0;
  for (const s of signups) {
    if (s.status === "withdrawn" || s.confirmedAt) continue;
    const c = corrections.get(s.userId);
    if (s.status === "signed" && !c) {
      await db.collection(PT.signups).where({ _id: s._id, status: "signed" }).update({ data: { status: "no_show", confirmedAt: now, confirmedHours: 0 } });
      noShows++;
      continue;
    }
    if (s.status === "checked_in" && !c) {
      stillIn++;
      continue;
    }
    const hours = c ? c.hours : s.hours ?? 0;
    if (hours > 0 && a.pointsPerHour > 0) {
      const out = await credit(db, now, {
        communityId: a.communityId,
        userId: s.userId,
        kind: "volunteer_hour",
        quantity: hours,
        pointsPerUnit: a.pointsPerHour,
        key: `activity:${a._id}:${s.userId}:hours`,
        reason: `参加「${a.title}」服务 ${hours} 小时`,
        cause: { type: "activity", id: a._id },
        byUserId: ctx.user._id
      });
      credited += out.replayed ? 0 : out.credited;
    }
    await db.collection(PT.signups).where({ _id: s._id, confirmedAt: null }).update({ data: { confirmedHours: hours, correction: c ? c.reason : null, confirmedAt: now } });
    confirmed++;
  }
  await trace(ctx, { communityId: a.communityId, resource: { type: "activity", id: a._id }, after: { confirmed, noShows, credited, corrections: input.corrections ?? [] } });
  return { confirmed, noShows, credited, stillIn, activity: await get2(ctx, { communityId: a.communityId, activityId: a._id }) };
}
var init_checkin = __esm({
  "cloudfunctions/api/src/modules/party/checkin.ts"() {
    "use strict";
    init_qrPng();
    init_audit();
    init_db();
    init_errors();
    init_earn();
    init_activities();
    init_repo2();
    init_rules6();
  }
});

// cloudfunctions/api/src/platform/xlsx.ts
function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(67324752, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(2048, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, f.data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(33639248, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(2048, 8);
    cd.writeUInt16LE(0, 10);
    cd.writeUInt32LE(0, 12);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(f.data.length, 20);
    cd.writeUInt32LE(f.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + f.data.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(101010256, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
function xlsx(sheet, rows) {
  const body = rows.map((row, r) => {
    const cells = row.map((v, c) => {
      const ref = `${col(c)}${r + 1}`;
      if (v === null || v === void 0) return "";
      if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
      const text = typeof v === "boolean" ? v ? "是" : "否" : String(v);
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc2(text)}</t></is></c>`;
    }).join("");
    return `<row r="${r + 1}">${cells}</row>`;
  }).join("");
  const x = (s) => Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + s, "utf8");
  return zip([
    { name: "[Content_Types].xml", data: x('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: "_rels/.rels", data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: "xl/workbook.xml", data: x(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc2(sheet.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: x('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: "xl/worksheets/sheet1.xml", data: x(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`) }
  ]);
}
var esc2, col;
var init_xlsx = __esm({
  "cloudfunctions/api/src/platform/xlsx.ts"() {
    "use strict";
    init_crc32();
    esc2 = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    col = (i) => i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + i % 26);
  }
});

// cloudfunctions/api/src/modules/party/record.ts
async function recordOf(db, user3, communityId, year, opts) {
  const [allRegs, posts, pairs, signups, wishes, visitLog] = await Promise.all([
    findMany(db, PT.registrations, { userId: user3._id }, { limit: 50 }),
    findMany(db, PT.posts, { communityId, holders: user3._id }, { limit: 100 }),
    findMany(db, PT.pairs, { memberId: user3._id, communityId }, { limit: 100 }),
    findAll(db, PT.signups, { userId: user3._id, communityId }, 2e3),
    findAll(db, "wishes", { communityId, claimerId: user3._id }, 2e3),
    findAll(db, PT.visits, { memberId: user3._id, communityId }, 5e3)
  ]);
  const regs = opts.own ? allRegs : allRegs.filter((r) => r.communityId === communityId);
  const acts = await getMany(db, PT.activities, signups.map((s) => s.activityId));
  const activities = signups.filter((s) => s.status !== "withdrawn").map((s) => ({ s, a: acts.get(s.activityId) })).filter((x) => !!x.a && inYear(x.a.startAt, year)).map(({ s, a }) => ({ id: a._id, title: a.title, startAt: new Date(a.startAt).toISOString(), hours: s.hours, confirmedHours: s.confirmedHours, status: s.status }));
  const done = wishes.filter((w) => (w.status === "closed" || w.status === "fulfilled") && inYear(w.fulfilledAt, year));
  const rated = done.filter((w) => w.rating);
  const current = regs.find((r) => r.activeKey === user3._id && r.communityId === communityId);
  const visits = visitLog.filter((v) => inYear(v.at, year)).length;
  return {
    userId: user3._id,
    name: user3.realName || user3.nickname,
    year,
    registrations: opts.views ? await Promise.all(regs.map((r) => registrationView(db, r))) : [],
    posts: posts.map((p) => p.title),
    pairs: pairs.filter((p) => p.active).length,
    visits,
    activities,
    totalHours: activities.reduce((n, a) => n + (a.confirmedHours ?? 0), 0),
    wishesFulfilled: done.length,
    averageRating: rated.length ? Math.round(rated.reduce((n, w) => n + w.rating.stars, 0) / rated.length * 10) / 10 : null,
    pledgeKept: current ? current.pledge.done : null
  };
}
async function record2(ctx, input) {
  const targetId = input.userId ?? ctx.user._id;
  if (targetId !== ctx.user._id) {
    const c = await getCommunity(ctx.db, input.communityId);
    if (!c || !holdsRole(ctx.user, c, ["secretary", "street_admin"])) throw forbidden("只能查看自己的记录");
  }
  const own2 = targetId === ctx.user._id;
  const user3 = own2 ? ctx.user : await getById(ctx.db, C.users, targetId);
  if (!user3) throw notFound("这位党员");
  if (!own2 && (await findMany(ctx.db, PT.registrations, { userId: user3._id, communityId: input.communityId }, { limit: 1 })).length === 0) throw notFound("这位党员");
  return recordOf(ctx.db, user3, input.communityId, input.year ?? null, { own: own2, views: true });
}
async function report2(ctx, input) {
  const { db } = ctx;
  const filter = { communityId: input.communityId, status: "verified" };
  if (input.employerUnitId) filter.employerUnitId = input.employerUnitId;
  const regs = await findAll(db, PT.registrations, filter, 5e3);
  const users = await getMany(db, C.users, regs.map((r) => r.userId));
  const rows = [];
  for (const r of regs) {
    const u = users.get(r.userId);
    if (!u) continue;
    const rec = await recordOf(db, u, input.communityId, input.year, { own: false, views: false });
    rows.push({
      userId: u._id,
      name: r.name,
      employerName: r.employerName,
      branch: r.branch,
      memberType: r.memberType,
      hours: rec.totalHours,
      activities: rec.activities.filter((a) => a.status === "checked_out").length,
      wishesFulfilled: rec.wishesFulfilled,
      averageRating: rec.averageRating,
      visits: rec.visits,
      pledge: r.pledge.text,
      pledgeKept: r.pledge.done
    });
  }
  rows.sort((a, b) => a.employerName.localeCompare(b.employerName, "zh-Hans-CN") || b.hours - a.hours);
  let file = null;
  if (input.format === "xlsx") {
    const community = await getCommunity(db, input.communityId);
    const sheet = xlsx(`${input.year}年双报告`, [
      ["姓名", "工作单位", "所在支部", "党员类型", "服务时长（小时）", "参加活动（次）", "完成微心愿（个）", "居民平均评分", "结对走访（次）", "微承诺", "承诺兑现"],
      ...rows.map((x) => [x.name, x.employerName, x.branch, x.memberType, x.hours, x.activities, x.wishesFulfilled, x.averageRating, x.visits, x.pledge, x.pledgeKept])
    ]);
    file = { name: `${(community == null ? void 0 : community.name) ?? "社区"}-${input.year}年在职党员双报告.xlsx`, base64: sheet.toString("base64") };
  }
  return { year: input.year, rows, file };
}
async function coverage(ctx, input) {
  const { db } = ctx;
  if (!ctx.user.roles.some((g) => g.role === "street_admin" && g.communityId === input.streetId)) throw forbidden("只有街道管理员可以查看");
  const communities2 = await findAll(db, C.communities, { streetId: input.streetId });
  const rows = await Promise.all(
    communities2.map(async (c) => {
      const regs = await findAll(db, PT.registrations, { communityId: c._id }, 2e4);
      const verified = regs.filter((r) => r.status === "verified").length;
      const pending = regs.filter((r) => r.status === "pending").length;
      const perHundredHouseholds = c.householdCount ? Math.round(verified / c.householdCount * 1e3) / 10 : 0;
      return { communityId: c._id, name: c.name, households: c.householdCount, verified, pending, perHundredHouseholds };
    })
  );
  const sorted = rows.map((r) => r.perHundredHouseholds).sort((a, b) => a - b);
  const median2 = sorted.length ? sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2 : 0;
  return { streetId: input.streetId, median: median2, communities: rows.map((r) => ({ ...r, flag: coverageFlag(r.perHundredHouseholds, median2) })) };
}
var inYear;
var init_record = __esm({
  "cloudfunctions/api/src/modules/party/record.ts"() {
    "use strict";
    init_db();
    init_errors();
    init_xlsx();
    init_repo();
    init_rules();
    init_registration();
    init_repo2();
    init_rules6();
    init_chinaTime();
    inYear = (d, year) => !!d && (year === null || chinaYear(new Date(d)) === year);
  }
});

// types/api.ts
var actionInputs;
var init_api2 = __esm({
  "types/api.ts"() {
    "use strict";
    init_org();
    init_points();
    init_wish();
    init_party();
    init_messages();
    actionInputs = {
      "org.login": LoginInput,
      "org.me": MeInput,
      "org.updateProfile": UpdateProfileInput,
      "org.communities": CommunitiesInput,
      "org.tree": TreeInput,
      "org.households": HouseholdsInput,
      "org.assignRole": AssignRoleInput,
      "org.revokeRole": RevokeRoleInput,
      "org.members": MembersInput,
      "org.member": MemberInput,
      "org.setProxy": SetProxyInput,
      "org.audit": AuditInput,
      "org.householdQueue": HouseholdQueueInput,
      "org.confirmHousehold": ConfirmHouseholdInput,
      "org.subscribed": SubscribedInput,
      "org.undelivered": UndeliveredInput,
      "points.balance": BalanceInput,
      "points.statement": StatementInput,
      "points.rules": RulesInput,
      "points.setRule": SetRuleInput,
      "points.setExpiry": SetExpiryInput,
      "points.grant": GrantInput,
      "points.sponsors": SponsorsInput,
      "points.setSponsor": SetSponsorInput,
      "points.fundSponsor": FundSponsorInput,
      "points.report": ReportInput,
      "mall.items": ItemsInput,
      "mall.item": ItemInput,
      "mall.upsertItem": UpsertItemInput,
      "mall.redeem": RedeemInput,
      "mall.cancel": CancelInput,
      "mall.order": OrderInput,
      "mall.pickupQr": PickupQrInput,
      "mall.myOrders": MyOrdersInput,
      "mall.verify": VerifyInput,
      "mall.orders": OrdersInput,
      "wish.create": WishCreateInput,
      "wish.list": WishListInput,
      "wish.get": WishGetInput,
      "wish.mine": WishMineInput,
      "wish.review": WishReviewInput,
      "wish.reviewQueue": WishQueueInput,
      "wish.claim": WishClaimInput,
      "wish.remind": WishRemindInput,
      "wish.dispatch": WishDispatchInput,
      "wish.release": WishReleaseInput,
      "wish.progress": WishProgressInput,
      "wish.fulfil": WishFulfilInput,
      "wish.confirm": WishConfirmInput,
      "wish.withdraw": WishWithdrawInput,
      "wish.overdue": WishQueueInput,
      "wish.stats": WishStatsInput,
      "wish.settings": WishSettingsInput,
      "wish.setSettings": WishSetSettingsInput,
      "party.registerCode": RegisterCodeInput,
      "party.resolveScene": ResolveSceneInput,
      "party.register": RegisterInput,
      "party.myRegistration": MyRegistrationInput,
      "party.review": PartyReviewInput,
      "party.members": PartyMembersInput,
      "party.pledge": PledgeInput,
      "party.pledgeDone": PledgeDoneInput,
      "post.list": PostListInput,
      "post.upsert": PostUpsertInput,
      "post.claim": PostClaimInput,
      "post.leave": PostClaimInput,
      "pair.assign": PairAssignInput,
      "pair.mine": PairMineInput,
      "pair.list": PairListInput,
      "pair.logVisit": PairLogVisitInput,
      "pair.settings": PairSettingsInput,
      "pair.setSettings": PairSetSettingsInput,
      "activity.list": ActivityListInput,
      "activity.get": ActivityGetInput,
      "activity.upsert": ActivityUpsertInput,
      "activity.cancel": ActivityCancelInput,
      "activity.signUp": ActivitySignUpInput,
      "activity.withdraw": ActivitySignUpInput,
      "activity.checkinCode": ActivityCodeInput,
      "activity.checkin": ActivityCheckInput,
      "activity.checkout": ActivityCheckInput,
      "activity.confirmHours": ConfirmHoursInput,
      "party.record": PartyRecordInput,
      "party.report": PartyReportInput,
      "party.coverage": CoverageInput
    };
  }
});

// cloudfunctions/api/src/permissions.ts
var user2, member2, roles2, SECRETARY2, permissions, READ_ONLY;
var init_permissions = __esm({
  "cloudfunctions/api/src/permissions.ts"() {
    "use strict";
    user2 = { who: "user" };
    member2 = { who: "member" };
    roles2 = (...r) => ({ who: "roles", roles: r });
    SECRETARY2 = roles2("secretary", "street_admin");
    permissions = {
      "points.balance": member2,
      "points.statement": member2,
      "points.rules": member2,
      "points.setRule": SECRETARY2,
      "points.setExpiry": SECRETARY2,
      "points.grant": SECRETARY2,
      "points.sponsors": SECRETARY2,
      "points.setSponsor": SECRETARY2,
      "points.fundSponsor": SECRETARY2,
      "points.report": SECRETARY2,
      "mall.items": member2,
      "mall.item": member2,
      "mall.upsertItem": SECRETARY2,
      "mall.redeem": member2,
      "mall.cancel": member2,
      "mall.order": member2,
      "mall.pickupQr": member2,
      "mall.myOrders": member2,
      "mall.verify": SECRETARY2,
      "mall.orders": SECRETARY2,
      // Wishes: who may move a wish is the state machine's table (modules/wish/rules.ts); here, who may ask.
      "wish.create": member2,
      "wish.list": member2,
      "wish.get": member2,
      "wish.mine": member2,
      "wish.review": SECRETARY2,
      "wish.reviewQueue": SECRETARY2,
      "wish.claim": roles2("party_member", "volunteer"),
      "wish.remind": SECRETARY2,
      "wish.dispatch": SECRETARY2,
      "wish.release": member2,
      "wish.progress": member2,
      "wish.fulfil": member2,
      "wish.confirm": member2,
      "wish.withdraw": member2,
      "wish.overdue": SECRETARY2,
      "wish.stats": SECRETARY2,
      "wish.settings": member2,
      "wish.setSettings": SECRETARY2,
      // Party: organisers are checked by the commands (secretary, or the member who published the activity);
      // party.coverage is checked against the caller's street_admin grant for the street asked about.
      "party.registerCode": SECRETARY2,
      "party.resolveScene": user2,
      "party.register": user2,
      "party.myRegistration": user2,
      "party.review": SECRETARY2,
      "party.members": SECRETARY2,
      "party.pledge": member2,
      "party.pledgeDone": member2,
      "post.list": member2,
      "post.upsert": SECRETARY2,
      "post.claim": roles2("party_member"),
      "post.leave": member2,
      "pair.assign": SECRETARY2,
      "pair.mine": member2,
      "pair.list": SECRETARY2,
      "pair.logVisit": member2,
      "pair.settings": SECRETARY2,
      "pair.setSettings": SECRETARY2,
      "activity.list": member2,
      "activity.get": member2,
      "activity.upsert": member2,
      "activity.cancel": member2,
      "activity.signUp": roles2("party_member", "volunteer"),
      "activity.withdraw": member2,
      "activity.checkinCode": member2,
      "activity.checkin": member2,
      "activity.checkout": member2,
      "activity.confirmHours": member2,
      "party.record": member2,
      "party.report": SECRETARY2,
      "party.coverage": user2
    };
    READ_ONLY = /* @__PURE__ */ new Set([
      "points.balance",
      "points.statement",
      "points.rules",
      "points.sponsors",
      "points.report",
      "mall.items",
      "mall.item",
      "mall.myOrders",
      "mall.pickupQr",
      "mall.order",
      "mall.orders",
      "wish.list",
      "wish.get",
      "wish.mine",
      "wish.reviewQueue",
      "wish.overdue",
      "wish.stats",
      "wish.settings",
      "party.resolveScene",
      "party.myRegistration",
      "party.members",
      "post.list",
      "pair.mine",
      "pair.list",
      "pair.settings",
      "activity.list",
      "activity.get",
      "activity.checkinCode",
      "party.record",
      "party.report",
      "party.coverage"
    ]);
  }
});

// cloudfunctions/api/src/legacy.ts
var legacy_exports = {};
__export(legacy_exports, {
  handlers: () => handlers,
  legacy: () => legacy
});
function legacy(name) {
  const handler = handlers[name];
  if (!handler) throw new Error(`no legacy handler for ${name}`);
  const def = { name, input: actionInputs[name], access: permissions[name], writes: !READ_ONLY.has(name), handler };
  return Promise.resolve({ default: def });
}
var handlers;
var init_legacy = __esm({
  "cloudfunctions/api/src/legacy.ts"() {
    "use strict";
    init_account();
    init_grant();
    init_report();
    init_settings();
    init_sponsors();
    init_items();
    init_orders();
    init_redeem();
    init_claim();
    init_close();
    init_create();
    init_queries();
    init_review();
    init_settings2();
    init_work();
    init_registration();
    init_posts();
    init_pairs();
    init_activities();
    init_checkin();
    init_record();
    init_api2();
    init_permissions();
    handlers = {
      "points.balance": balance,
      "points.statement": statement,
      "points.rules": rules,
      "points.setRule": setRule,
      "points.setExpiry": setExpiry,
      "points.grant": grant,
      "points.sponsors": sponsors,
      "points.setSponsor": setSponsor,
      "points.fundSponsor": fundSponsor,
      "points.report": report,
      "mall.items": items,
      "mall.item": item,
      "mall.upsertItem": upsertItem,
      "mall.redeem": redeem,
      "mall.cancel": cancel,
      "mall.order": order,
      "mall.pickupQr": pickupQr,
      "mall.myOrders": myOrders,
      "mall.verify": verify,
      "mall.orders": orders,
      "wish.create": create,
      "wish.list": list,
      "wish.get": get,
      "wish.mine": mine,
      "wish.review": review,
      "wish.reviewQueue": reviewQueue,
      "wish.claim": claim2,
      "wish.remind": remind,
      "wish.dispatch": dispatch,
      "wish.release": release,
      "wish.progress": progress,
      "wish.fulfil": fulfil,
      "wish.confirm": confirm,
      "wish.withdraw": withdraw,
      "wish.overdue": overdue,
      "wish.stats": stats,
      "wish.settings": settings,
      "wish.setSettings": setSettings,
      "party.registerCode": registerCode,
      "party.resolveScene": resolveScene,
      "party.register": register,
      "party.myRegistration": myRegistration,
      "party.review": review2,
      "party.members": members3,
      "party.pledge": pledge,
      "party.pledgeDone": pledgeDone,
      "post.list": list2,
      "post.upsert": upsert,
      "post.claim": claim3,
      "post.leave": leave,
      "pair.assign": assign,
      "pair.mine": mine2,
      "pair.list": list3,
      "pair.logVisit": logVisit,
      "pair.settings": settings2,
      "pair.setSettings": setSettings2,
      "activity.list": list4,
      "activity.get": get2,
      "activity.upsert": upsert2,
      "activity.cancel": cancel2,
      "activity.signUp": signUp,
      "activity.withdraw": withdraw2,
      "activity.checkinCode": checkinCode,
      "activity.checkin": checkin,
      "activity.checkout": checkout,
      "activity.confirmHours": confirmHours,
      "party.record": record2,
      "party.report": report2,
      "party.coverage": coverage
    };
  }
});

// cloudfunctions/api/src/platform/timerEvent.ts
function isTimerEvent(event, openid) {
  return !openid && typeof event === "object" && event !== null && event.Type === "Timer";
}
var init_timerEvent = __esm({
  "cloudfunctions/api/src/platform/timerEvent.ts"() {
    "use strict";
  }
});

// cloudfunctions/api/config.json
var require_config = __commonJS({
  "cloudfunctions/api/config.json"(exports2, module2) {
    module2.exports = {
      timeout: 20,
      permissions: {
        openapi: [
          "security.msgSecCheck",
          "security.imgSecCheck",
          "wxacode.getUnlimited",
          "subscribeMessage.send",
          "phonenumber.getPhoneNumber"
        ]
      },
      triggers: [
        {
          name: "tick",
          type: "timer",
          config: "0 */10 * * * * *"
        }
      ]
    };
  }
});

// cloudfunctions/api/src/platform/limits.ts
function timeoutSecondsOf(cfg) {
  const t = cfg.timeout ?? PLATFORM_DEFAULT_TIMEOUT_S;
  if (typeof t !== "number" || !Number.isInteger(t) || t < 1 || t > PLATFORM_MAX_TIMEOUT_S) {
    throw new Error(`config.json timeout must be a whole number of seconds from 1 to ${PLATFORM_MAX_TIMEOUT_S}, got ${JSON.stringify(t)}`);
  }
  return t;
}
var config2, PLATFORM_DEFAULT_TIMEOUT_S, PLATFORM_MAX_TIMEOUT_S, limits, TIMER_BUDGET_FRACTION, timerBudgetMs;
var init_limits = __esm({
  "cloudfunctions/api/src/platform/limits.ts"() {
    "use strict";
    config2 = require_config();
    PLATFORM_DEFAULT_TIMEOUT_S = 3;
    PLATFORM_MAX_TIMEOUT_S = 60;
    limits = {
      /** The function's timeout, in ms. */
      timeoutMs: timeoutSecondsOf(config2) * 1e3
    };
    TIMER_BUDGET_FRACTION = 0.5;
    timerBudgetMs = () => Math.floor(limits.timeoutMs * TIMER_BUDGET_FRACTION);
  }
});

// cloudfunctions/api/src/modules/mall/expire.ts
async function expireOrders(deps, cursor) {
  const now = deps.now();
  const skip = skippedOf(cursor);
  const due = await findMany(deps.db, M.orders, { status: "reserved", deadline: deps.db.command.lt(now), ...notSkipped(deps.db, skip) }, { orderBy: [["deadline", "asc"]], limit: ORDERS_PER_BATCH });
  let expired = 0;
  let failed = 0;
  for (const o of due) {
    try {
      if ((await closeOrder(deps.db, o._id, "expired", now, null)).closedNow) expired++;
    } catch (err) {
      console.error("expireOrders: order failed", o._id, err);
      skip.push(o._id);
      failed++;
    }
  }
  return queueBatch(failed ? { expired, failed } : { expired }, due.length, ORDERS_PER_BATCH, skip);
}
async function releaseStaleHolds(deps, cursor) {
  const cutoff = new Date(deps.now().getTime() - STALE_HOLD_MS);
  const skip = skippedOf(cursor);
  const items2 = await findMany(deps.db, M.items, { "holds.at": deps.db.command.lt(cutoff), ...notSkipped(deps.db, skip) }, { limit: ITEMS_PER_BATCH });
  let released = 0;
  let failed = 0;
  for (const item2 of items2) {
    try {
      for (const h of item2.holds ?? []) {
        if (new Date(h.at) >= cutoff) continue;
        const order2 = await getById(deps.db, M.orders, h.orderId);
        await releaseHold(deps.db, item2._id, h, !order2);
        released++;
      }
    } catch (err) {
      console.error("releaseStaleHolds: item failed", item2._id, err);
      skip.push(item2._id);
      failed++;
    }
  }
  return queueBatch(failed ? { released, failed } : { released }, items2.length, ITEMS_PER_BATCH, skip);
}
var STALE_HOLD_MS, ORDERS_PER_BATCH, ITEMS_PER_BATCH;
var init_expire = __esm({
  "cloudfunctions/api/src/modules/mall/expire.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_repo5();
    init_orders();
    init_redeem();
    STALE_HOLD_MS = 2 * 6e4;
    ORDERS_PER_BATCH = 10;
    ITEMS_PER_BATCH = 20;
  }
});

// cloudfunctions/api/src/modules/points/expire.ts
async function dueAccounts(deps, now, skip, limit) {
  const _ = deps.db.command;
  const notSkipped2 = skip.length ? { _id: _.nin(skip) } : {};
  const fresh = await findMany(deps.db, P.accounts, { kind: "person", expiryCheckAt: null, ...notSkipped2 }, { limit });
  if (fresh.length >= limit) return fresh;
  const due = await findMany(deps.db, P.accounts, { kind: "person", expiryCheckAt: _.lte(now), ...notSkipped2 }, { orderBy: [["expiryCheckAt", "asc"]], limit: limit - fresh.length });
  return [...fresh, ...due];
}
async function setNextCheck(deps, acc, next) {
  const was = acc.expiryCheckAt ? new Date(acc.expiryCheckAt) : null;
  await deps.db.collection(P.accounts).where({ _id: acc._id, expiryCheckAt: was }).update({ data: { expiryCheckAt: next } });
}
async function expirePoints(deps, cursor) {
  const now = deps.now();
  const skip = skippedOf(cursor);
  const accounts = await dueAccounts(deps, now, skip, ACCOUNTS_PER_BATCH);
  const settings3 = await getMany(deps.db, P.settings, [...new Set(accounts.map((a) => a.communityId))]);
  let expired = 0;
  let booked = 0;
  await inParallel(accounts, 5, async (acc) => {
    var _a3;
    const months = ((_a3 = settings3.get(acc.communityId)) == null ? void 0 : _a3.expireMonths) ?? null;
    if (!months) return setNextCheck(deps, acc, NEVER2);
    if (acc.balance <= 0) return setNextCheck(deps, acc, goneAt(now, months));
    const recent = await recentCredits(deps.db, acc._id, expiryCutoff(chinaDay(now), months), acc.balance);
    if (recent.covered) return setNextCheck(deps, acc, goneAt(recent.oldestAt, months));
    const amount = acc.balance - recent.sum;
    const posted = await postTransfer(deps.db, {
      key: `expire:${acc._id}:${chinaDay(now)}`,
      communityId: acc.communityId,
      kind: "expire",
      reason: `${months} 个月前获得的积分到期`,
      cause: null,
      byUserId: null,
      legs: [personLeg(acc.communityId, acc.ownerId, -amount), systemLeg("expired", acc.communityId, amount)]
    }, now).catch((err) => {
      if (err instanceof AppError && err.code === "CONFLICT") return null;
      throw err;
    });
    if (!posted) {
      skip.push(acc._id);
      return;
    }
    if (posted.replayed) return setNextCheck(deps, acc, nextDay(now));
    expired += amount;
    booked++;
    await setNextCheck(deps, acc, goneAt(recent.oldestAt ?? now, months));
  });
  const done = accounts.length < ACCOUNTS_PER_BATCH || skip.length >= MAX_SKIPPED;
  return { counts: { expired, accounts: booked }, cursor: skip.length && !done ? { skip } : null, done };
}
var ACCOUNTS_PER_BATCH, NEVER2, nextDay, goneAt;
var init_expire2 = __esm({
  "cloudfunctions/api/src/modules/points/expire.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_errors();
    init_repo();
    init_account();
    init_ledger();
    init_repo4();
    init_rules2();
    init_chinaTime();
    ACCOUNTS_PER_BATCH = 20;
    NEVER2 = /* @__PURE__ */ new Date("9999-12-31T00:00:00.000Z");
    nextDay = (now) => chinaDayStart(addDays(chinaDay(now), 1));
    goneAt = (at, months) => chinaDayStart(expiryDay(at, months));
  }
});

// cloudfunctions/api/src/modules/wish/timers.ts
function settingsCache(deps) {
  const cache = /* @__PURE__ */ new Map();
  return (id) => {
    let s = cache.get(id);
    if (!s) cache.set(id, s = settingsOf(deps.db, id));
    return s;
  };
}
async function walk(deps, cursor, status, field, maxActs, act) {
  const _ = deps.db.command;
  const after = afterIdOf(cursor);
  const oldest = new Date(deps.now().getTime() - MIN_DAYS * 864e5);
  const page2 = await findMany(deps.db, W.wishes, { status, ...after ? { _id: _.gt(after) } : {}, [field]: _.lt(oldest) }, {
    orderBy: [["_id", "asc"]],
    limit: WISHES_READ_PER_BATCH
  });
  let acted = 0;
  for (let i = 0; i < page2.length; i++) {
    if (await act(page2[i])) acted++;
    if (acted >= maxActs && i < page2.length - 1) return { acted, batch: { cursor: { after: page2[i]._id }, done: false } };
  }
  if (page2.length < WISHES_READ_PER_BATCH) return { acted, batch: { cursor: null, done: true } };
  return { acted, batch: { cursor: { after: page2[page2.length - 1]._id }, done: false } };
}
async function autoClose(deps, cursor) {
  const now = deps.now();
  const settings3 = settingsCache(deps);
  const { acted, batch } = await walk(deps, cursor, "fulfilled", "fulfilledAt", CLOSES_PER_BATCH, async (w) => {
    const s = await settings3(w.communityId);
    if (!w.fulfilledAt || new Date(w.fulfilledAt).getTime() + s.autoCloseDays * 864e5 > now.getTime()) return false;
    try {
      const after = await move(deps, w, "autoclose", null, { note: `${s.autoCloseDays} 天未确认，自动结束`, set: { closedAt: now } });
      await awardPoints(deps, after);
      return true;
    } catch {
      return false;
    }
  });
  return { counts: { closed: acted }, ...batch };
}
async function payOwed(deps, cursor) {
  const after = afterIdOf(cursor);
  const owed = await findMany(deps.db, W.wishes, { pointsPending: true, ...after ? { _id: deps.db.command.gt(after) } : {} }, { orderBy: [["_id", "asc"]], limit: PAYS_PER_BATCH });
  for (const w of owed) await awardPoints(deps, w);
  const done = owed.length < PAYS_PER_BATCH;
  return { counts: { retried: owed.length }, cursor: done ? null : { after: owed[owed.length - 1]._id }, done };
}
async function remindOverdue(deps, cursor) {
  const now = deps.now();
  const settings3 = settingsCache(deps);
  const { acted, batch } = await walk(deps, cursor, "claimed", "lastProgressAt", REMINDERS_PER_BATCH, async (w) => {
    const s = await settings3(w.communityId);
    const cutoff = now.getTime() - s.overdueDays * 864e5;
    if (!w.claimerId || !w.lastProgressAt || new Date(w.lastProgressAt).getTime() >= cutoff) return false;
    if (w.remindedAt && new Date(w.remindedAt).getTime() > cutoff) return false;
    const res = await deps.db.collection(W.wishes).where({ _id: w._id, remindedAt: w.remindedAt ? new Date(w.remindedAt) : null }).update({ data: { remindedAt: now } });
    if (res.stats.updated !== 1) return false;
    await notify(deps, w.claimerId, "reminder", w, { thing1: thing(`心愿待跟进：${w.title}`), thing2: thing("许愿人在等您的消息") });
    return true;
  });
  return { counts: { reminded: acted }, ...batch };
}
var MIN_DAYS, WISHES_READ_PER_BATCH, CLOSES_PER_BATCH, PAYS_PER_BATCH, REMINDERS_PER_BATCH;
var init_timers = __esm({
  "cloudfunctions/api/src/modules/wish/timers.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_close();
    init_core3();
    init_repo6();
    init_rules5();
    MIN_DAYS = 1;
    WISHES_READ_PER_BATCH = 50;
    CLOSES_PER_BATCH = 10;
    PAYS_PER_BATCH = 10;
    REMINDERS_PER_BATCH = 20;
  }
});

// cloudfunctions/api/src/modules/party/remind.ts
async function remindActivities(deps, cursor) {
  const now = deps.now();
  const _ = deps.db.command;
  const window = _.and(_.gt(now), _.lt(remindHorizon(now)));
  const current = timeKeyOf(cursor, "activity");
  let activity = null;
  if (current) [activity] = await findMany(deps.db, PT.activities, { _id: current.id, status: "published", startAt: _.gt(now) }, { limit: 1 });
  let afterSignup = activity ? afterIdOf(cursor) : null;
  if (!activity) {
    ;
    [activity] = await pageAfter(deps.db, PT.activities, { status: "published" }, "startAt", window, timeKeyOf(cursor, "done") ?? current, 1);
    afterSignup = null;
  }
  if (!activity) return { counts: { reminded: 0 }, cursor: null, done: true };
  const a = activity;
  if (!reminderDue(a.startAt, now)) return { counts: { reminded: 0 }, cursor: { done: timeKey(a, a.startAt) }, done: false };
  const signups = await findMany(deps.db, PT.signups, { activityId: a._id, status: "signed", ...afterSignup ? { _id: _.gt(afterSignup) } : {} }, {
    orderBy: [["_id", "asc"]],
    limit: SIGNUPS_PER_BATCH
  });
  let reminded = 0;
  await inParallel(signups.filter((s) => !s.remindedAt), SENDS_AT_ONCE2, async (s) => {
    const res = await deps.db.collection(PT.signups).where({ _id: s._id, remindedAt: _.exists(false) }).update({ data: { remindedAt: now } });
    if (res.stats.updated !== 1) return;
    await notifyUser(deps, a.communityId, s.userId, `packages/party/pages/activity/index?id=${a._id}&c=${a.communityId}`, `活动提醒：${a.title}`, `${shortChinaTime(a.startAt)} ${a.place}`);
    reminded++;
  });
  const key = timeKey(a, a.startAt);
  if (signups.length === SIGNUPS_PER_BATCH) return { counts: { reminded }, cursor: { activity: key, after: signups[signups.length - 1]._id }, done: false };
  return { counts: { reminded }, cursor: { done: key }, done: false };
}
var SIGNUPS_PER_BATCH, SENDS_AT_ONCE2;
var init_remind = __esm({
  "cloudfunctions/api/src/modules/party/remind.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_notify();
    init_rules4();
    init_repo2();
    init_rules6();
    SIGNUPS_PER_BATCH = 50;
    SENDS_AT_ONCE2 = 10;
  }
});

// cloudfunctions/api/src/timers.ts
var timers_exports = {};
__export(timers_exports, {
  PASS_INTERVAL_MS: () => PASS_INTERVAL_MS,
  TIMER_JOBS: () => TIMER_JOBS,
  TIMER_STATE: () => TIMER_STATE,
  isTimerEvent: () => isTimerEvent,
  runTimers: () => runTimers
});
function blankState(name) {
  return { _id: name, cursor: null, passStartedAt: null, lastRunAt: null, lastDoneAt: null, slowestBatchMs: 0, lastError: null, lastErrorAt: null };
}
async function saveState(deps, s) {
  const { _id, ...rest } = s;
  await deps.db.collection(TIMER_STATE).doc(_id).set({ data: rest });
}
async function takeLease(deps, now, until) {
  const _ = deps.db.command;
  await ensureDoc(deps.db, TIMER_STATE, { _id: TICK, next: 0, leaseUntil: /* @__PURE__ */ new Date(0), lastTickAt: null });
  const res = await deps.db.collection(TIMER_STATE).where({ _id: TICK, leaseUntil: _.lte(now) }).update({ data: { leaseUntil: until, lastTickAt: now } });
  if (res.stats.updated !== 1) return null;
  const [tick] = await findMany(deps.db, TIMER_STATE, { _id: TICK }, { limit: 1 });
  return tick;
}
async function runTimers(deps, opts = {}) {
  const clock = opts.clock ?? Date.now;
  const startedAt = opts.startedAt ?? clock();
  const budgetMs = opts.budgetMs ?? timerBudgetMs();
  const elapsed = () => clock() - startedAt;
  const names = Object.keys(TIMER_JOBS);
  const now = deps.now();
  const tick = await takeLease(deps, now, new Date(now.getTime() + 2 * budgetMs - elapsed()));
  if (!tick) {
    const report4 = { budgetMs, ms: elapsed(), first: "", pending: [], failed: [], resting: [], jobs: {}, skipped: "另一次定时任务仍在运行" };
    return { ok: true, data: { _timer: report4 } };
  }
  const saved = await findMany(deps.db, TIMER_STATE, { _id: deps.db.command.in(names) }, { limit: 100 });
  const states = new Map(names.map((n) => [n, { ...blankState(n), ...saved.find((s) => s._id === n) ?? {} }]));
  const start = (tick.next % names.length + names.length) % names.length;
  const order2 = [...names.slice(start), ...names.slice(0, start)];
  const share = budgetMs / names.length;
  const data = {};
  const counts = /* @__PURE__ */ new Map();
  const slowest = /* @__PURE__ */ new Map();
  const jobs = {};
  const failed = /* @__PURE__ */ new Set();
  const finished = /* @__PURE__ */ new Set();
  const resting = /* @__PURE__ */ new Set();
  const estimate = (name) => Math.max(MIN_BATCH_ESTIMATE_MS, slowest.get(name) ?? 0, states.get(name).slowestBatchMs);
  async function work(name, until, firstUntil) {
    const s = states.get(name);
    const interval = PASS_INTERVAL_MS[name] ?? 0;
    if (s.cursor === null && !counts.has(name) && s.lastDoneAt && deps.now().getTime() - new Date(s.lastDoneAt).getTime() < interval) {
      resting.add(name);
      return;
    }
    while (!finished.has(name) && !failed.has(name) && !resting.has(name)) {
      const limit = counts.has(name) ? until : firstUntil;
      if (elapsed() + estimate(name) > limit) return;
      const t0 = clock();
      const now2 = deps.now();
      if (s.cursor === null) s.passStartedAt = now2;
      try {
        const batch = await TIMER_JOBS[name](deps, s.cursor);
        addCounts(counts.get(name) ?? counts.set(name, {}).get(name), batch.counts);
        s.cursor = batch.done ? null : batch.cursor ?? {};
        if (batch.done) {
          finished.add(name);
          s.lastDoneAt = deps.now();
          s.passStartedAt = null;
        }
      } catch (err) {
        console.error("timer job failed", name, err);
        failed.add(name);
        if (!counts.has(name)) counts.set(name, {});
        s.lastError = err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500);
        s.lastErrorAt = deps.now();
      }
      const took = clock() - t0;
      slowest.set(name, Math.max(slowest.get(name) ?? 0, took));
      const j = jobs[name] ??= { ms: 0, batches: 0, slowestMs: 0 };
      j.ms += took;
      j.batches++;
      j.slowestMs = Math.max(j.slowestMs, took);
      s.lastRunAt = now2;
      await saveState(deps, s);
    }
  }
  for (let i = 0; i < order2.length; i++) {
    const reserve = order2.slice(i + 1).reduce((sum, n) => sum + estimate(n), 0);
    await work(order2[i], Math.min(elapsed() + share, budgetMs - reserve), budgetMs - reserve);
  }
  for (const name of order2) await work(name, budgetMs, budgetMs);
  for (const name of order2) {
    const s = states.get(name);
    if (slowest.has(name)) {
      s.slowestBatchMs = slowest.get(name);
      if (!failed.has(name)) s.lastError = null;
      await saveState(deps, s);
    }
    if (counts.has(name)) data[name] = failed.has(name) ? { ...counts.get(name), error: true } : counts.get(name);
  }
  const pending = order2.filter((n) => !resting.has(n) && (states.get(n).cursor !== null || !counts.has(n)));
  await deps.db.collection(TIMER_STATE).doc(TICK).update({ data: { next: (start + 1) % names.length, leaseUntil: deps.now() } });
  const report3 = { budgetMs, ms: elapsed(), first: order2[0], pending: pending.filter((n) => !failed.has(n)), failed: [...failed], resting: [...resting], jobs };
  data._timer = report3;
  return { ok: true, data };
}
var TIMER_JOBS, PASS_INTERVAL_MS, TIMER_STATE, TICK, MIN_BATCH_ESTIMATE_MS;
var init_timers2 = __esm({
  "cloudfunctions/api/src/timers.ts"() {
    "use strict";
    init_batches();
    init_db();
    init_limits();
    init_expire();
    init_expire2();
    init_timers();
    init_remind();
    init_cancelNotice();
    init_timerEvent();
    TIMER_JOBS = {
      "mall.releaseStaleHolds": releaseStaleHolds,
      "mall.expireOrders": expireOrders,
      "points.expire": expirePoints,
      "wish.autoClose": autoClose,
      "wish.payOwed": payOwed,
      "wish.remindOverdue": remindOverdue,
      "activity.remind": remindActivities,
      "activity.cancelNotice": sendCancelNotices
    };
    PASS_INTERVAL_MS = {
      "wish.autoClose": 36e5,
      "wish.payOwed": 36e5,
      "wish.remindOverdue": 36e5
    };
    TIMER_STATE = "timer_state";
    TICK = "_tick";
    MIN_BATCH_ESTIMATE_MS = 20;
  }
});

// cloudfunctions/api/src/index.ts
var index_exports = {};
__export(index_exports, {
  main: () => main
});
module.exports = __toCommonJS(index_exports);
var cloud2 = __toESM(require("wx-server-sdk"));

// cloudfunctions/api/src/platform/clock.ts
var systemClock = () => /* @__PURE__ */ new Date();
function clockOf(context) {
  const given = typeof context === "object" && context !== null ? context.clock : void 0;
  if (typeof given !== "function") return systemClock;
  return () => {
    const d = given();
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError("context.clock must return a valid Date");
    return d;
  };
}

// cloudfunctions/api/src/platform/openapi.ts
var cloud = __toESM(require("wx-server-sdk"));
init_errors();
var wechatOpenApi = {
  async checkText(openid, content, scene = 2) {
    var _a3;
    const res = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content });
    const suggest = (_a3 = res == null ? void 0 : res.result) == null ? void 0 : _a3.suggest;
    if (suggest === "pass" || suggest === "review" || suggest === "risky") return suggest;
    throw new AppError("INTERNAL", "内容安全检查暂时不可用，请稍后再试");
  },
  async qrCode(scene, page2) {
    const res = await cloud.openapi.wxacode.getUnlimited({ scene, page: page2, checkPath: false, width: 430 });
    const buf = res == null ? void 0 : res.buffer;
    if (!buf) throw new AppError("INTERNAL", "小程序码生成失败，请稍后再试");
    return Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  },
  async notify(msg) {
    try {
      await cloud.openapi.subscribeMessage.send({ ...msg, miniprogramState: "formal", lang: "zh_CN" });
      return { ok: true };
    } catch (err) {
      const e = err;
      const errcode = typeof (e == null ? void 0 : e.errCode) === "number" ? e.errCode : -1;
      const errmsg = String((e == null ? void 0 : e.errMsg) ?? (e == null ? void 0 : e.message) ?? err).slice(0, 300);
      return { ok: false, errcode, errmsg };
    }
  },
  async phoneNumber(code) {
    var _a3, _b;
    try {
      const res = await cloud.openapi.phonenumber.getPhoneNumber({ code });
      const phone = ((_a3 = res == null ? void 0 : res.phoneInfo) == null ? void 0 : _a3.purePhoneNumber) ?? ((_b = res == null ? void 0 : res.phone_info) == null ? void 0 : _b.purePhoneNumber);
      if (!phone) throw new Error("no phone");
      return String(phone);
    } catch {
      throw new AppError("INVALID_INPUT", "手机号授权已失效，请重新点击获取");
    }
  }
};

// cloudfunctions/api/src/router.ts
init_zod();
init_common();

// cloudfunctions/api/src/actions.ts
var actions = {
  "org.login": () => Promise.resolve().then(() => (init_login(), login_exports)),
  "org.me": () => Promise.resolve().then(() => (init_me(), me_exports)),
  "org.updateProfile": () => Promise.resolve().then(() => (init_updateProfile(), updateProfile_exports)),
  "org.communities": () => Promise.resolve().then(() => (init_communities(), communities_exports)),
  "org.tree": () => Promise.resolve().then(() => (init_tree(), tree_exports)),
  "org.households": () => Promise.resolve().then(() => (init_households(), households_exports)),
  "org.assignRole": () => Promise.resolve().then(() => (init_assignRole(), assignRole_exports)),
  "org.revokeRole": () => Promise.resolve().then(() => (init_revokeRole(), revokeRole_exports)),
  "org.members": () => Promise.resolve().then(() => (init_members(), members_exports)),
  "org.member": () => Promise.resolve().then(() => (init_member(), member_exports)),
  "org.setProxy": () => Promise.resolve().then(() => (init_setProxy(), setProxy_exports)),
  "org.audit": () => Promise.resolve().then(() => (init_audit2(), audit_exports)),
  "org.householdQueue": () => Promise.resolve().then(() => (init_householdQueue(), householdQueue_exports)),
  "org.confirmHousehold": () => Promise.resolve().then(() => (init_confirmHousehold(), confirmHousehold_exports)),
  "org.subscribed": () => Promise.resolve().then(() => (init_subscribed(), subscribed_exports)),
  "org.undelivered": () => Promise.resolve().then(() => (init_undelivered(), undelivered_exports)),
  "points.balance": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.balance")),
  "points.statement": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.statement")),
  "points.rules": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.rules")),
  "points.setRule": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.setRule")),
  "points.setExpiry": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.setExpiry")),
  "points.grant": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.grant")),
  "points.sponsors": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.sponsors")),
  "points.setSponsor": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.setSponsor")),
  "points.fundSponsor": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.fundSponsor")),
  "points.report": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("points.report")),
  "mall.items": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.items")),
  "mall.item": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.item")),
  "mall.upsertItem": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.upsertItem")),
  "mall.redeem": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.redeem")),
  "mall.cancel": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.cancel")),
  "mall.order": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.order")),
  "mall.pickupQr": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.pickupQr")),
  "mall.myOrders": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.myOrders")),
  "mall.verify": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.verify")),
  "mall.orders": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("mall.orders")),
  "wish.create": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.create")),
  "wish.list": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.list")),
  "wish.get": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.get")),
  "wish.mine": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.mine")),
  "wish.review": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.review")),
  "wish.reviewQueue": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.reviewQueue")),
  "wish.claim": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.claim")),
  "wish.remind": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.remind")),
  "wish.dispatch": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.dispatch")),
  "wish.release": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.release")),
  "wish.progress": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.progress")),
  "wish.fulfil": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.fulfil")),
  "wish.confirm": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.confirm")),
  "wish.withdraw": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.withdraw")),
  "wish.overdue": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.overdue")),
  "wish.stats": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.stats")),
  "wish.settings": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.settings")),
  "wish.setSettings": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("wish.setSettings")),
  "party.registerCode": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.registerCode")),
  "party.resolveScene": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.resolveScene")),
  "party.register": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.register")),
  "party.myRegistration": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.myRegistration")),
  "party.review": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.review")),
  "party.members": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.members")),
  "party.pledge": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.pledge")),
  "party.pledgeDone": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.pledgeDone")),
  "post.list": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("post.list")),
  "post.upsert": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("post.upsert")),
  "post.claim": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("post.claim")),
  "post.leave": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("post.leave")),
  "pair.assign": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.assign")),
  "pair.mine": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.mine")),
  "pair.list": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.list")),
  "pair.logVisit": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.logVisit")),
  "pair.settings": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.settings")),
  "pair.setSettings": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("pair.setSettings")),
  "activity.list": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.list")),
  "activity.get": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.get")),
  "activity.upsert": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.upsert")),
  "activity.cancel": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.cancel")),
  "activity.signUp": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.signUp")),
  "activity.withdraw": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.withdraw")),
  "activity.checkinCode": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.checkinCode")),
  "activity.checkin": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.checkin")),
  "activity.checkout": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.checkout")),
  "activity.confirmHours": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("activity.confirmHours")),
  "party.record": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.record")),
  "party.report": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.report")),
  "party.coverage": () => Promise.resolve().then(() => (init_legacy(), legacy_exports)).then((m) => m.legacy("party.coverage"))
};
async function loadAction(name) {
  return (await actions[name]()).default;
}

// cloudfunctions/api/src/router.ts
init_errors();

// cloudfunctions/api/src/platform/rateLimit.ts
var RateLimiter = class {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.hits = /* @__PURE__ */ new Map();
  }
  /** Records a hit; false when the caller is over the limit. */
  allow(key, nowMs) {
    const from = nowMs - this.windowMs;
    const list5 = (this.hits.get(key) ?? []).filter((t) => t > from);
    if (list5.length >= this.limit) {
      this.hits.set(key, list5);
      return false;
    }
    list5.push(nowMs);
    this.hits.set(key, list5);
    if (this.hits.size > 1e4) this.sweep(from);
    return true;
  }
  reset() {
    this.hits.clear();
  }
  sweep(from) {
    for (const [k, v] of this.hits) if (!v.some((t) => t > from)) this.hits.delete(k);
  }
};

// cloudfunctions/api/src/router.ts
init_db();
init_repo();
init_rules();
config(zh_CN_default());
var writeLimiter = new RateLimiter(60, 6e4);
var isAction = (name) => Object.prototype.hasOwnProperty.call(actions, name);
function sizeOf(event) {
  try {
    return Buffer.byteLength(JSON.stringify(event) ?? "", "utf8");
  } catch {
    return Infinity;
  }
}
var POISON_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function poisonPath(value, path = [], depth = 0) {
  if (typeof value !== "object" || value === null || depth > 32) return null;
  for (const key of Object.keys(value)) {
    if (POISON_KEYS.has(key)) return [...path, key].join(".");
    const inner = poisonPath(value[key], [...path, key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
function notMemberMessage(user3, communityId) {
  if (user3.communityId === communityId && user3.householdStatus === "pending") return "您的住址还在等待楼栋长或社区确认，确认后就可以使用了";
  return "您还不是这个社区的居民，请先在「我的」里选择住址";
}
function describeIssues(issues) {
  return issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}
async function dispatch2(event, deps) {
  const requestId = event == null ? void 0 : event.requestId;
  try {
    const data = await route(event, deps);
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() };
    console.error("api internal error", { action: event == null ? void 0 : event.action, requestId, err });
    return { ok: false, error: internal().toApiError() };
  }
}
async function route(event, deps) {
  if (typeof event !== "object" || event === null || Array.isArray(event)) throw invalid("请求格式不正确");
  if (sizeOf(event) > MAX_EVENT_BYTES) throw invalid("提交的内容太大了，请精简后再试");
  const { userInfo: _ignored, ...clientEvent } = event;
  const parsed = ApiEvent.safeParse(clientEvent);
  if (!parsed.success) throw invalid("请求格式不正确", describeIssues(parsed.error.issues));
  const { action, data, requestId } = parsed.data;
  if (!isAction(action)) throw invalid(`暂不支持这个操作：${action}`);
  const poisoned = poisonPath(clientEvent.data);
  if (poisoned) throw invalid("提交的内容含有不允许的字段名", [{ path: poisoned, message: "不允许的字段名" }]);
  if (!deps.openid) throw unauthenticated("无法识别您的微信身份，请重新打开小程序");
  const def = await loadAction(action);
  if (def.writes && !writeLimiter.allow(deps.openid, deps.now().getTime())) throw rateLimited();
  const input = def.input.safeParse(data ?? {});
  if (!input.success) {
    const first = input.error.issues[0];
    const where = (first == null ? void 0 : first.path.length) ? `${first.path.join(".")}：` : "";
    throw invalid(`填写的内容有误（${where}${(first == null ? void 0 : first.message) ?? "格式不正确"}）`, describeIssues(input.error.issues));
  }
  const user3 = await findUserByOpenid(deps.db, deps.openid);
  const ctx = { ...deps, action, requestId: requestId ?? newId("r"), user: user3 };
  const access = def.access;
  if (access.who !== "wechat") {
    if (!user3) throw unauthenticated();
    if (access.who === "roles" || access.who === "member") {
      const communityId = input.data.communityId;
      if (!communityId) throw forbidden();
      const community = await getCommunity(deps.db, communityId);
      if (!community) throw notFound("社区");
      const allowed = access.who === "member" ? user3.roles.some((g) => g.communityId === community._id) || holdsRole(user3, community, ["street_admin"]) : holdsRole(user3, community, access.roles);
      if (!allowed) throw forbidden(access.who === "member" ? notMemberMessage(user3, community._id) : void 0);
    }
  }
  const handler = def.handler;
  return handler(ctx, input.data);
}

// cloudfunctions/api/src/index.ts
init_timerEvent();
cloud2.init({ env: cloud2.DYNAMIC_CURRENT_ENV });
async function main(event, context) {
  const startedAt = Date.now();
  const { OPENID } = cloud2.getWXContext();
  const deps = {
    // A missing document reads as null instead of throwing (transactions check existence this way).
    db: cloud2.database({ throwOnNotFound: false }),
    openid: typeof OPENID === "string" && OPENID ? OPENID : null,
    now: clockOf(context),
    openapi: wechatOpenApi
  };
  if (isTimerEvent(event, deps.openid)) return (await Promise.resolve().then(() => (init_timers2(), timers_exports))).runTimers(deps, { startedAt });
  return dispatch2(event, deps);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
