using CreatioIdentity.GitHub;

return await GitHubProgram.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out);
