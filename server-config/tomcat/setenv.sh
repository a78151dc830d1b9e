# Jinto on Tomcat: copy to $CATALINA_BASE/bin/setenv.sh (catalina.sh reads it at startup).

# The settings file: $CATALINA_BASE/conf/kinto.ini unless KINTO_INI is already set.
export KINTO_INI="${KINTO_INI:-$CATALINA_BASE/conf/kinto.ini}"

# Let Tomcat's XML files (context.xml: JINTO_DB_URL, JINTO_DB_USER, JINTO_DB_PASSWORD) read the environment.
CATALINA_OPTS="$CATALINA_OPTS -Dorg.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource"
