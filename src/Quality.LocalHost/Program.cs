using Quality.LocalHost.Startup;

return await DevHost.RunAsync(args, Console.Out, Console.Error);
