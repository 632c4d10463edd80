// Development: the smallest footprint that runs the real thing. Scales to zero (no always-ready instances, so an
// idle environment costs storage and logs only), 2 GB instances, at most 40 of them.
using 'main.bicep'

param environmentName = 'dev'

// The API app registration's application (client) id (docs/deploy.md, step 1), from the environment so the file
// names no tenant's registration.
param apiClientId = readEnvironmentVariable('QUALITY_API_CLIENT_ID')

// Second stage, once the code is deployed: QUALITY_DEPLOY_EVENT_SUBSCRIPTION=true (docs/deploy.md, step 4).
param deployEventSubscription = bool(readEnvironmentVariable('QUALITY_DEPLOY_EVENT_SUBSCRIPTION', 'false'))

param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param alwaysReady = []

param storageSku = 'Standard_LRS'
param deletedRetentionDays = 7
param logRetentionDays = 30
