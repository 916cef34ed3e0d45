// Written by the pack: the engine of this recipe's own version.
#tool dotnet:?package=CreatioIdentity&version=0.0.0-alpha.0.71
