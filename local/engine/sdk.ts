/** Locating the copies of packages that wx-server-sdk itself resolves (the seam must patch those). */
import * as path from 'path'

export const sdkDir = path.dirname(require.resolve('wx-server-sdk'))
export const nodeSdkPath = require.resolve('@cloudbase/node-sdk', { paths: [sdkDir] })
export const databasePath = require.resolve('@cloudbase/database', { paths: [path.dirname(nodeSdkPath), sdkDir] })
export const bsonPath = require.resolve('bson', { paths: [path.dirname(databasePath)] })

export const bson: any = require(bsonPath)
