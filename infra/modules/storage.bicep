// The one storage account of the app: the Functions host's own state (AzureWebJobsStorage: blob receipts, the
// Durable task hub QualityAudit, host locks), the Flex Consumption deployment package, and the deliveries with
// everything the pipeline derives from them. Nothing reaches it with a key: shared-key access is off, so every
// caller, the app included, signs in with Microsoft Entra ID.

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string

param location string

@description('Replication: Standard_LRS is enough where the deliveries are also kept by the vendor; Standard_ZRS survives a zone.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string

@description('Days a deleted blob or container stays recoverable. Deliveries are evidence: keep them long enough to answer a dispute.')
@minValue(1)
@maxValue(365)
param deletedRetentionDays int

@description('Days a superseded blob version outside the evidence containers is kept before lifecycle management deletes it.')
@minValue(1)
param supersededVersionRetentionDays int

@description('Container the Flex Consumption platform reads the app package from.')
param deploymentContainerName string

@description('Container Event Grid writes the BlobCreated events it could not deliver to.')
param deadLetterContainerName string

param tags object

// The names the app uses (Quality.Pipeline StorageNames): it creates them at start too, declared here so a fresh
// deployment is complete before the first start and a teardown shows what it removes.
var deliveryContainerNames = [
  'incoming'
  'work'
  'reports'
  'quarantine'
  'taxonomies'
  'standards'
]

var tableNames = [
  'runs'
  'batches'
  'rollups'
  'series'
  'findings'
  'inspection'
  'auditlog'
]

// Lifecycle rules match by prefix only, so this lists what is not evidence: the pipeline's scratch and reports, the
// Functions host's containers (azure-webjobs-hosts, azure-webjobs-secrets), the task hub's (qualityaudit-leases,
// qualityaudit-largemessages, …) and the deployment package. incoming, quarantine, taxonomies and standards keep
// every version.
var scratchPrefixes = [
  'work/'
  'reports/'
  'azure-webjobs-'
  'qualityaudit'
  '${deploymentContainerName}/'
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, Entra ID only: Event Grid, the Flex Consumption instances (no virtual network here) and
    // vendors uploading through user-delegation SAS URLs all reach it over the internet.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    // Versioning is per account: an overwritten delivery keeps its earlier bytes as a version, so what a vendor
    // delivered first can always be shown. Superseded versions of scratch blobs expire (managementPolicy below).
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: deletedRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deletedRetentionDays
    }
  }
}

resource deliveryContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = [
  for containerName in deliveryContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-09-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-09-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource managementPolicy 'Microsoft.Storage/storageAccounts/managementPolicies@2026-09-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-superseded-scratch-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: scratchPrefixes
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: supersededVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  // A rule with version actions is refused until the account keeps versions.
  dependsOn: [
    blobService
  ]
}

output storageAccountName string = storageAccount.name
output storageAccountId string = storageAccount.id
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob
output deploymentContainerUrl string = '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainer.name}'
output deadLetterContainerName string = deadLetterContainer.name
