// Types shared by main.bicep and its modules.

@export()
@description('Always-ready instances of one Flex Consumption scale group: http, durable, blob, or function:<name>.')
type alwaysReadyInstance = {
  @description('http, durable, blob, or function:<FunctionName>.')
  name: string

  @minValue(0)
  instanceCount: int
}

@export()
type alwaysReadyInstances = alwaysReadyInstance[]
