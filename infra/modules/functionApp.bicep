// The Flex Consumption plan and the Function App on it: Linux, dotnet-isolated 10.0, running src/Quality.Functions.
//
// Flex Consumption takes the runtime from functionAppConfig.runtime, not from the FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION app settings (deprecated on this plan), and reads the package from a blob container
// instead of WEBSITE_RUN_FROM_PACKAGE. Every connection is identity-based: the app settings name the account and the
// identity, never a key.

import { alwaysReadyInstances } from '../types.bicep'

param functionAppName string

param planName string

param location string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: the app settings name it so every connection picks it, not a system identity.')
param identityClientId string

param storageAccountName string

@description('URL of the blob container the platform reads the app package from.')
param deploymentContainerUrl string

@description('Application Insights component the app sends telemetry to.')
param applicationInsightsName string

@description('Memory of each instance; CPU and default HTTP concurrency grow with it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Instances kept running per scale group (http, durable, blob) or function (function:<name>); billed while idle.')
param alwaysReady alwaysReadyInstances

param tags object

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux.
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    functionAppConfig: {
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReady
      }
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // These names are read by the Functions host (AzureWebJobsStorage__*, the blob trigger and Durable Functions
      // use the same connection) and by the app; tests/Quality.Infra.Tests exposes them for the settings-parity test.
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          // No secret: local authentication is off, so ingestion also needs the identity's token (next setting).
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identityClientId}'
        }
      ]
    }
  }
}

// Publishing with a user name and password (FTP, and Kudu's basic authentication) stays off: code goes in through
// the deployment container with an Entra ID token.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
