// Your repository's whole build script: creatio-identity's Cake recipe, and the engine of the same
// version (the recipe's #tool installs it into ./tools). Run: dotnet tool restore && dotnet cake
#load nuget:?package=CreatioIdentity.Cake&version=1.0.0

RunCreatioIdentity();
