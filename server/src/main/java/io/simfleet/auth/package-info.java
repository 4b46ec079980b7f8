/** Users, passwords (bcrypt), login with blocking, JWT access and refresh tokens. */
package io.simfleet.auth;
