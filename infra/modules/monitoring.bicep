// Where the app's telemetry goes: a Log Analytics workspace and a workspace-based Application Insights component.
// Local authentication is off, so the instrumentation key in the connection string cannot ingest by itself: the
// app's identity signs every upload (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), and the connection string is no
// secret.

param workspaceName string

param applicationInsightsName string

param location string

@description('Days the workspace keeps logs and traces.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
