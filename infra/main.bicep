// Serverless.Quality in one resource group: a Flex Consumption Function App (Linux, dotnet-isolated 10.0) running
// src/Quality.Functions, its storage account (host state, the Durable task hub, the deployment package and the
// deliveries), a user-assigned identity with data roles only, Event Grid BlobCreated on incoming/ to the blob
// trigger, Application Insights, and App Service Authentication carrying the app roles. No key, connection string
// with a secret or password is set anywhere. How to deploy it, in two stages: docs/deploy.md.

import { alwaysReadyInstances } from 'types.bicep'

@description('Short name of the product, the first part of every resource name (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param baseName string = 'quality'

@description('Environment, the second part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

param location string = resourceGroup().location

@description('Application (client) id of the API app registration with the app roles (docs/deploy.md, step 1).')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the Function App scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm per scale group (http, durable, blob) or function; each is billed while idle.')
param alwaysReady alwaysReadyInstances = []

@description('Second stage: create the Event Grid subscription to the blob trigger. Needs the code deployed first.')
param deployEventSubscription bool = false

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a deleted delivery (any deleted blob or container) stays recoverable.')
@minValue(1)
@maxValue(365)
param deletedRetentionDays int = 30

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {
  product: 'serverless-quality'
  environment: environmentName
}

var nameStem = '${baseName}-${environmentName}'
// Globally unique names (storage account, app host name) get a suffix that is stable for this resource group.
var uniqueSuffix = take(uniqueString(resourceGroup().id, nameStem), 6)

var names = {
  storageAccount: take('st${baseName}${environmentName}${uniqueSuffix}', 24)
  identity: 'id-${nameStem}'
  workspace: 'log-${nameStem}'
  applicationInsights: 'appi-${nameStem}'
  plan: 'plan-${nameStem}'
  functionApp: 'func-${nameStem}-${uniqueSuffix}'
  systemTopic: 'evgt-${nameStem}-storage'
  deploymentContainer: 'app-package'
  deadLetterContainer: 'eventgrid-deadletter'
}

// Modules get names known before deployment (from `names`), with the order in dependsOn, rather than other modules'
// outputs: What-If can then predict every resource instead of stopping at the first runtime value.

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    storageAccountName: names.storageAccount
    location: location
    skuName: storageSku
    deletedRetentionDays: deletedRetentionDays
    supersededVersionRetentionDays: 7
    deploymentContainerName: names.deploymentContainer
    deadLetterContainerName: names.deadLetterContainer
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    identityName: names.identity
    location: location
    storageAccountName: names.storageAccount
    applicationInsightsName: names.applicationInsights
    tags: tags
  }
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    functionAppName: names.functionApp
    planName: names.plan
    location: location
    identityId: identity.outputs.identityId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.storageAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: names.applicationInsights
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReady: alwaysReady
    tags: tags
  }
  dependsOn: [
    monitoring
  ]
}

module auth 'modules/auth.bicep' = {
  name: 'auth'
  params: {
    functionAppName: names.functionApp
    apiClientId: apiClientId
    tenantId: tenant().tenantId
    excludedPaths: [
      '/api/health'
      '/api/openapi.json'
      '/api/docs'
      '/runtime/webhooks/blobs'
    ]
  }
  dependsOn: [
    functionApp
  ]
}

module eventGrid 'modules/eventGrid.bicep' = {
  name: 'eventGrid'
  params: {
    systemTopicName: names.systemTopic
    location: location
    storageAccountName: names.storageAccount
    deadLetterContainerName: names.deadLetterContainer
    deployEventSubscription: deployEventSubscription
    functionAppName: names.functionApp
    tags: tags
  }
  dependsOn: [
    storage
    functionApp
  ]
}

@description('The app\'s base URL; the API is under /api.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the Function App, for the code deployment.')
output functionAppName string = functionApp.outputs.functionAppName

@description('Storage account with the deliveries (incoming/) and the app\'s state.')
output storageAccountName string = storage.outputs.storageAccountName

@description('Client id of the app\'s user-assigned identity.')
output identityClientId string = identity.outputs.clientId
