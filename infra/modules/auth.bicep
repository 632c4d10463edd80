// App Service Authentication (authsettingsV2) in front of every route: the platform validates the caller's Entra ID
// token for the app registration and passes the principal, with its app roles (quality.reader, quality.reviewer,
// quality.admin), to the app in X-MS-CLIENT-PRINCIPAL. The app trusts that header only because this is on
// (WEBSITE_AUTH_ENABLED); the roles themselves are checked by the app's route table.
//
// Excluded paths reach the app without a token:
// - /api/health, /api/openapi.json, /api/docs: for probes and for reading the API's description.
// - /runtime/webhooks/blobs: Event Grid's delivery of BlobCreated to the blob trigger. Event Grid calls a webhook
//   with no Entra ID token (unless the subscription is set up for Entra ID delivery, which needs a service principal
//   and app role of its own), so with this path required every delivery would get 401 and be dropped or
//   dead-lettered. The path is still protected: the Functions host accepts it only with the blobs_extension system
//   key in the code query parameter, which the event subscription carries.

@description('Name of the Function App.')
param functionAppName string

@description('Application (client) id of the API app registration that defines the app roles.')
param apiClientId string

@description('Tenant of the app registration; tokens from any other tenant are refused.')
param tenantId string

@description('Paths that skip authentication: health and the API description, and the blob extension webhook.')
param excludedPaths string[]

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: excludedPaths
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: apiClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          // v2 tokens carry the client id as audience, v1 tokens the application id URI.
          allowedAudiences: [
            apiClientId
            'api://${apiClientId}'
          ]
        }
      }
    }
    login: {
      // Callers send bearer tokens; no session is kept, so nothing needs the token store.
      tokenStore: {
        enabled: false
      }
    }
  }
}
