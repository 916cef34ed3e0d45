# Shared by install.sh and run.sh (sourced). Bash 3.2 compatible (macOS).

error() { # EXIT_CODE MESSAGE: one ::error:: line (a value quoted in it cannot start a command of its own)
  local message=$2
  message=${message//%/%25}
  message=${message//$'\r'/%0D}
  message=${message//$'\n'/%0A}
  echo "::error title=creatio-identity::$message"
  exit "$1"
}
