using CreatioIdentity.GitHub;

var variableNames = Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(name => $"{name}");
return await GitHubProgram.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, [.. variableNames]);
