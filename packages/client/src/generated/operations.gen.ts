// Generated from spec/openapi.yaml by packages/client/scripts/render-operations.ts. Do not edit.
// To refresh after a spec edit: npm run generate -w @klearstack/client
// The facts about each operation that the runtime needs and types cannot carry. Checked against
// api.gen.ts by `satisfies`: both files come from the same spec, or tsc fails.
import type { OperationHelp, OperationTable, TokenFormat } from "../operation-table.ts";
import type { components, operations } from "./api.gen.ts";

export const operationTable = {
  "getAccessTokenFromUserId": {
    "method": "post",
    "path": "/access/klearstack/getaccesstokenfromuserid",
    "encodings": [
      "urlencoded",
      "multipart"
    ],
    "bearer": false,
    "fields": [
      {
        "name": "user_id",
        "kind": "string",
        "required": true,
        "secret": false
      },
      {
        "name": "company_name",
        "kind": "string",
        "required": true,
        "secret": false
      }
    ],
    "result": {
      "refresh_token": "string",
      "access_token": "string",
      "release_version": "string"
    },
    "accepts": {},
    "issues": {
      "refresh": "refresh_token",
      "access": "access_token"
    }
  },
  "getAccessToken": {
    "method": "post",
    "path": "/access/klearstack/get_access_token",
    "encodings": [
      "urlencoded",
      "multipart"
    ],
    "bearer": false,
    "fields": [
      {
        "name": "username",
        "kind": "string",
        "required": true,
        "secret": false
      },
      {
        "name": "password",
        "kind": "string",
        "required": true,
        "secret": true
      },
      {
        "name": "company_name",
        "kind": "string",
        "required": true,
        "secret": false
      }
    ],
    "result": {
      "refresh_token": "string",
      "access_token": "string",
      "release_version": "string"
    },
    "accepts": {},
    "issues": {
      "refresh": "refresh_token",
      "access": "access_token"
    }
  },
  "getAccessTokenFromRefreshToken": {
    "method": "post",
    "path": "/access/klearstack/getaccesstokenfromrefreshtoken",
    "encodings": [
      "urlencoded",
      "multipart"
    ],
    "bearer": true,
    "fields": [
      {
        "name": "refresh_token",
        "kind": "string",
        "required": true,
        "secret": true
      },
      {
        "name": "company_name",
        "kind": "string",
        "required": true,
        "secret": false
      }
    ],
    "result": {
      "access_token": "string",
      "release_version": "string"
    },
    "accepts": {
      "refresh": "refresh_token"
    },
    "issues": {
      "access": "access_token"
    }
  }
} as const satisfies OperationTable<operations>;

export const tokenFormat = {
  "header": {
    "typ": "JWT",
    "alg": "HS256"
  },
  "claims": {
    "token_type": "string",
    "exp": "number",
    "iat": "number",
    "jti": "string",
    "user_id": "number"
  },
  "tokenTypes": [
    "access",
    "refresh"
  ]
} as const satisfies TokenFormat<components>;

export const operationHelp = {
  "getAccessTokenFromUserId": {
    "summary": "Get access token from user id",
    "fields": {
      "user_id": "UserId of the user.",
      "company_name": "Name of the company for which the user is logging in."
    },
    "inputs": {
      "user_id": {
        "flag": "user-id",
        "variable": "KLEARSTACK_USER_ID",
        "stdinFlag": "user-id-stdin"
      },
      "company_name": {
        "flag": "company-name",
        "variable": "KLEARSTACK_COMPANY_NAME",
        "stdinFlag": "company-name-stdin"
      }
    },
    "bearer": null
  },
  "getAccessToken": {
    "summary": "Get access token (log in with a password)",
    "fields": {
      "username": "The user's KlearStack username.",
      "password": "The user's password. A secret; sent only in the request body, never echoed.",
      "company_name": "Name of the company for which the user is logging in."
    },
    "inputs": {
      "username": {
        "flag": "username",
        "variable": "KLEARSTACK_USERNAME",
        "stdinFlag": "username-stdin"
      },
      "password": {
        "flag": "password",
        "variable": "KLEARSTACK_PASSWORD",
        "stdinFlag": "password-stdin"
      },
      "company_name": {
        "flag": "company-name",
        "variable": "KLEARSTACK_COMPANY_NAME",
        "stdinFlag": "company-name-stdin"
      }
    },
    "bearer": null
  },
  "getAccessTokenFromRefreshToken": {
    "summary": "Get access token from refresh token",
    "fields": {
      "refresh_token": "HS256 JSON Web Token valid for at least a day. A secret: use it only to obtain new access tokens. Decoded, it is described by `DecodedRefreshToken`.",
      "company_name": "Name of the company for which the user is logging in."
    },
    "inputs": {
      "refresh_token": {
        "flag": "refresh-token",
        "variable": "KLEARSTACK_REFRESH_TOKEN",
        "stdinFlag": "refresh-token-stdin"
      },
      "company_name": {
        "flag": "company-name",
        "variable": "KLEARSTACK_COMPANY_NAME",
        "stdinFlag": "company-name-stdin"
      }
    },
    "bearer": {
      "flag": "access-token",
      "variable": "KLEARSTACK_ACCESS_TOKEN",
      "stdinFlag": "access-token-stdin"
    }
  }
} as const satisfies OperationHelp<operations>;
